using Slipway.Build.Cli;

namespace Slipway.Build.Tests.Unit;

public class CommandLineParseTests
{
    [Fact]
    public void Words_before_the_first_option_are_targets()
    {
        var cli = CommandLine.Parse(["Test", "pack", "--configuration", "Release"]);
        Assert.Equal(["Test", "pack"], cli.Targets);
        Assert.Equal(["Release"], cli.Parameters["configuration"]);
        Assert.False(cli.Help);
        Assert.False(cli.Plan);
    }

    [Fact]
    public void Nothing_given_means_the_defaults()
    {
        var cli = CommandLine.Parse([]);
        Assert.Empty(cli.Targets);
        Assert.Empty(cli.Parameters);
        Assert.Empty(cli.Profiles);
        Assert.False(cli.SkipAllNotInvoked);
        Assert.Equal(Verbosity.Normal, cli.Verbosity);
        Assert.Equal(PlanFormat.Html, cli.PlanFormat);
    }

    [Fact]
    public void Skip_alone_skips_everything_not_invoked()
    {
        var cli = CommandLine.Parse(["Test", "--skip"]);
        Assert.True(cli.SkipAllNotInvoked);
        Assert.Empty(cli.SkipTargets);
        Assert.Equal(["Test"], cli.Targets);
    }

    [Fact]
    public void Skip_with_names_skips_those()
    {
        var cli = CommandLine.Parse(["Test", "--skip", "Restore", "Compile", "--verbosity", "quiet"]);
        Assert.False(cli.SkipAllNotInvoked);
        Assert.Equal(["Restore", "Compile"], cli.SkipTargets);
        Assert.Equal(Verbosity.Quiet, cli.Verbosity);
    }

    [Fact]
    public void An_option_takes_the_words_after_it_and_name_equals_value_works()
    {
        var cli = CommandLine.Parse(["--tags", "a", "b", "--registry=host:5000", "--no-cache", "--build-arg=A=B"]);
        Assert.Equal(["a", "b"], cli.Parameters["tags"]);
        Assert.Equal(["host:5000"], cli.Parameters["registry"]);
        Assert.Empty(cli.Parameters["no-cache"]);
        Assert.Equal(["A=B"], cli.Parameters["build-arg"]);
    }

    [Fact]
    public void Profiles_keep_their_order_whether_given_in_one_option_or_several()
    {
        Assert.Equal(["a", "b"], CommandLine.Parse(["--profile", "a", "b"]).Profiles);
        Assert.Equal(["a", "b"], CommandLine.Parse(["--profile", "a", "--profile", "b"]).Profiles);
    }

    [Theory]
    [InlineData("text", PlanFormat.Text)]
    [InlineData("JSON", PlanFormat.Json)]
    [InlineData("html", PlanFormat.Html)]
    public void Plan_takes_a_format(string format, PlanFormat expected)
    {
        var cli = CommandLine.Parse(["--plan", "--format", format]);
        Assert.True(cli.Plan);
        Assert.Equal(expected, cli.PlanFormat);
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("--help")]
    [InlineData("--HELP")]
    public void Help_has_its_usual_spellings(string option) => Assert.True(CommandLine.Parse([option]).Help);

    [Theory]
    [InlineData(new[] { "--plan", "--format", "xml" }, "--format: 'xml' is not valid; expected one of html, text, json.")]
    [InlineData(new[] { "--format", "json" }, "--format goes with --plan.")]
    [InlineData(new[] { "--verbosity", "loud" }, "--verbosity: 'loud' is not valid; expected one of quiet, minimal, normal, verbose.")]
    [InlineData(new[] { "--verbosity", "quiet", "normal" }, "--verbosity takes one value, but got: quiet normal.")]
    [InlineData(new[] { "--plan", "Compile" }, "--plan takes no value, but got: Compile.")]
    [InlineData(new[] { "--plan", "--format", "text", "json" }, "--format takes one value, but got: text json.")]
    public void Bad_options_are_errors_that_say_what_was_expected(string[] args, string message)
    {
        var e = Assert.Throws<CommandLineException>(() => CommandLine.Parse(args));
        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("2")]
    [InlineData("quiet,verbose")]
    [InlineData("")]
    public void Only_the_names_are_verbosities(string value) =>
        Assert.Throws<CommandLineException>(() => CommandLine.Parse(["--verbosity", value]));

    [Fact]
    public void Only_the_names_are_formats() => Assert.Throws<CommandLineException>(() => CommandLine.Parse(["--plan", "--format", "1"]));
}
