namespace Slipway.Build.Tests.Unit;

public enum Flavour
{
    Plain,
    ExtraSpicy,
}

/// <summary>ParameterValueConverter: every supported type, and errors that name the parameter, the value and the type.</summary>
public class ParameterConversionTests
{
    private sealed class Declarations
    {
        [Parameter] public string? Name;
        [Parameter] public bool NoCache;
        [Parameter] public int Retries;
        [Parameter] public int? Timeout;
        [Parameter] public Flavour Flavour;
        [Parameter] public string[]? Tags;
        [Parameter(Separator = ",")] public string[]? Platforms;
        [Parameter] public int[]? Ports;
        [Parameter] public AbsolutePath? Output;
        [Parameter, Secret] public int Pin;
    }

    private static readonly AbsolutePath Root = AbsolutePath.Create(Path.Combine(Path.GetTempPath(), "slipway-root"));

    private static ParameterDescriptor Descriptor(string field) =>
        ParameterDescriptor.Discover(typeof(Declarations)).Single(d => d.Name == field);

    private static object? Convert(string field, params string[] raw) =>
        ParameterValueConverter.Convert(Descriptor(field), raw, "command line", Root);

    private static string Error(string field, params string[] raw) =>
        Assert.Throws<ParameterException>(() => Convert(field, raw)).Message;

    [Fact]
    public void Strings_are_taken_as_they_are() => Assert.Equal("a b", Convert("Name", "a b"));

    [Fact]
    public void A_bare_bool_flag_is_true() => Assert.Equal(true, Convert("NoCache"));

    [Theory]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData("TRUE", true)]
    public void Bools_are_true_or_false_in_any_case(string raw, bool expected) => Assert.Equal(expected, Convert("NoCache", raw));

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("yes")]
    [InlineData("off")]
    public void Other_words_for_a_bool_are_errors(string raw) =>
        Assert.Equal($"Parameter 'NoCache' (from command line): '{raw}' is not a valid value; expected: bool (true or false).", Error("NoCache", raw));

    [Fact]
    public void Ints_are_parsed_invariantly()
    {
        Assert.Equal(42, Convert("Retries", "42"));
        Assert.Equal(-3, Convert("Retries", "-3"));
        Assert.Equal(120, Convert("Timeout", "120"));
    }

    [Theory]
    [InlineData("extraspicy")]
    [InlineData("EXTRA-SPICY")]
    [InlineData("ExtraSpicy")]
    public void Enums_ignore_case_and_dashes(string raw) => Assert.Equal(Flavour.ExtraSpicy, Convert("Flavour", raw));

    [Fact]
    public void String_arrays_split_on_whitespace_and_take_every_word()
    {
        Assert.Equal(new[] { "a", "b", "c" }, Convert("Tags", "a  b\tc"));
        Assert.Equal(new[] { "a", "b", "c" }, Convert("Tags", "a", "b c"));
        Assert.Equal(Array.Empty<string>(), Convert("Tags"));
    }

    [Fact]
    public void String_arrays_split_on_the_declared_separator_instead()
    {
        Assert.Equal(new[] { "linux/amd64", "linux/arm64" }, Convert("Platforms", "linux/amd64, linux/arm64"));
        Assert.Equal(new[] { "a b" }, Convert("Platforms", "a b"));
    }

    [Fact]
    public void Arrays_of_other_types_convert_each_item() => Assert.Equal(new[] { 80, 443 }, Convert("Ports", "80 443"));

    [Fact]
    public void Paths_are_relative_to_the_root_unless_absolute()
    {
        Assert.Equal(Root / "out" / "x.json", Convert("Output", "out/x.json"));
        Assert.Equal(Root / "y", Convert("Output", "./out/../y"));
        Assert.Equal(AbsolutePath.Create("/etc/hosts"), Convert("Output", "/etc/hosts"));
    }

    [Fact]
    public void A_bad_int_names_the_parameter_the_value_the_origin_and_the_type()
    {
        Assert.Equal("Parameter 'Retries' (from command line): 'many' is not a valid value; expected: whole number.", Error("Retries", "many"));
        Assert.Contains("'2.5'", Error("Timeout", "2.5"));
    }

    [Fact]
    public void A_bad_enum_lists_the_valid_values() =>
        Assert.Equal("Parameter 'Flavour' (from command line): 'mild' is not a valid value; expected: one of Plain, ExtraSpicy.", Error("Flavour", "mild"));

    [Fact]
    public void A_bad_bool_says_what_a_bool_is() => Assert.Contains("'maybe' is not a valid value; expected: bool (true or false)", Error("NoCache", "maybe"));

    [Fact]
    public void A_bad_array_item_names_the_item() => Assert.Contains("'https' is not a valid value; expected: whole number", Error("Ports", "80 https"));

    [Fact]
    public void Several_values_for_a_scalar_are_an_error() =>
        Assert.Equal("Parameter 'Retries' (from command line) takes one value of type whole number, but got 2: 1 2.", Error("Retries", "1", "2"));

    [Fact]
    public void A_bad_secret_value_is_not_shown()
    {
        var message = Error("Pin", "12x34");
        Assert.DoesNotContain("12x34", message);
        Assert.Contains("'***'", message);
        Assert.Contains("Pin", message);
    }

    [Fact]
    public void Types_are_described_for_users()
    {
        Assert.Equal("list of whole number", ParameterValueConverter.Describe(typeof(int[])));
        Assert.Equal("whole number", ParameterValueConverter.Describe(typeof(int?)));
        Assert.Equal("path", ParameterValueConverter.Describe(typeof(AbsolutePath)));
        Assert.Equal("one of Plain, ExtraSpicy", ParameterValueConverter.Describe(typeof(Flavour)));
    }

    [Fact]
    public void Cli_names_are_kebab_case()
    {
        Assert.Equal("registry-password", ParameterDescriptor.ToKebabCase("RegistryPassword"));
        Assert.Equal("sbom-url", ParameterDescriptor.ToKebabCase("SBOMUrl"));
        Assert.Equal("no-cache", ParameterDescriptor.ToKebabCase("NoCache"));
    }
}
