using Slipway.Build.Tests.Infrastructure;
using Slipway.Build.Tests.Unit;

namespace Slipway.Build.Tests.Runs;

public interface IRegistryComponent : ISlipwayBuild
{
    [Parameter("Registry user")] string? RegistryUser => TryGetValue(() => RegistryUser);
    [Parameter("Push timeout in seconds")] int PushTimeout => TryGetValue<int?>(() => PushTimeout) ?? 120;
}

/// <summary>Where parameter values come from, in which precedence, and how they are converted and checked.</summary>
public sealed class ParameterTests : IDisposable
{
    private readonly TestRoot _root = new();

    public void Dispose() => _root.Dispose();

    private sealed class ParameterBuild : SlipwayBuild, IRegistryComponent
    {
        [Parameter("Registry host")] public readonly string Registry = "initializer";
        [Parameter] public readonly bool NoCache;
        [Parameter] public readonly int Retries = 3;
        [Parameter] public readonly Flavour Flavour;
        [Parameter] public readonly string[] Tags = [];
        [Parameter(Separator = ",")] public readonly string[] Platforms = [];
        [Parameter] public readonly AbsolutePath? Output;

        public string? SeenUser { get; private set; }
        public int SeenTimeout { get; private set; }

        public Target Show => _ => _.Executes(() =>
        {
            SeenUser = this.From<IRegistryComponent>().RegistryUser;
            SeenTimeout = this.From<IRegistryComponent>().PushTimeout;
        });
    }

    /// <summary>Gives Registry a value in each source up to <paramref name="layers"/>, lowest precedence first.</summary>
    private string[] Layers(int layers)
    {
        var args = new List<string>();
        if (layers >= 1) _root.WriteNukeFile("parameters.json", """{ "Registry": "parameters.json" }""");
        if (layers >= 2)
        {
            _root.WriteNukeFile("parameters.early.json", """{ "Registry": "early profile" }""");
            args.AddRange(["--profile", "early"]);
        }

        if (layers >= 3)
        {
            _root.WriteNukeFile("parameters.late.json", """{ "registry": "late profile" }""");
            args.Add("late");
        }

        if (layers >= 4) _root.Environment["REGISTRY"] = "environment";
        if (layers >= 5) args.AddRange(["--registry", "command line"]);
        return args.ToArray();
    }

    [Theory]
    [InlineData(0, "initializer", "default")]
    [InlineData(1, "parameters.json", ".nuke/parameters.json")]
    [InlineData(2, "early profile", "profile early")]
    [InlineData(3, "late profile", "profile late")]
    [InlineData(4, "environment", "environment")]
    [InlineData(5, "command line", "command line")]
    public async Task Each_source_overrides_the_ones_below_it(int layers, string value, string origin)
    {
        var build = new ParameterBuild();
        var args = Layers(layers);
        var outcome = await _root.RunAsync(build, x => x.Show, args);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(value, build.Registry);

        var help = await _root.RunAsync(new ParameterBuild(), x => x.Show, [.. args, "--help"]);
        Assert.Contains($"    = {value}  ({origin})", help.Output);
    }

    [Fact]
    public async Task With_several_profiles_the_later_one_wins_whichever_way_they_are_given()
    {
        _root.WriteNukeFile("parameters.a.json", """{ "Registry": "a", "Retries": 7 }""");
        _root.WriteNukeFile("parameters.b.json", """{ "Registry": "b" }""");

        var ab = new ParameterBuild();
        await _root.RunAsync(ab, x => x.Show, "--profile", "a", "--profile", "b");
        Assert.Equal("b", ab.Registry);
        Assert.Equal(7, ab.Retries);

        var ba = new ParameterBuild();
        await _root.RunAsync(ba, x => x.Show, "--profile", "b", "a");
        Assert.Equal("a", ba.Registry);
    }

    [Fact]
    public async Task A_missing_profile_is_an_error_naming_the_file_it_looked_for()
    {
        var outcome = await _root.RunAsync(new ParameterBuild(), x => x.Show, "--profile", "nope");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Profile 'nope' not found: expected .nuke/parameters.nope.json.", outcome.Output);
    }

    [Theory]
    [InlineData("REGISTRY_USER")]
    [InlineData("registryuser")]
    [InlineData("Registry_User")]
    [InlineData("REGISTRY__USER_")]
    public async Task Environment_variables_match_with_case_and_underscores_ignored(string variable)
    {
        _root.Environment[variable] = "bot";
        var build = new ParameterBuild();
        Assert.Equal(0, (await _root.RunAsync(build, x => x.Show)).ExitCode);
        Assert.Equal("bot", build.SeenUser);
    }

    [Fact]
    public async Task An_empty_environment_variable_counts_as_unset()
    {
        _root.WriteNukeFile("parameters.json", """{ "Registry": "from file" }""");
        _root.Environment["REGISTRY"] = "";
        var build = new ParameterBuild();
        await _root.RunAsync(build, x => x.Show);
        Assert.Equal("from file", build.Registry);
    }

    [Fact]
    public async Task Component_parameters_read_their_source_or_fall_back_to_their_default()
    {
        var unset = new ParameterBuild();
        await _root.RunAsync(unset, x => x.Show);
        Assert.Null(unset.SeenUser);
        Assert.Equal(120, unset.SeenTimeout);

        var set = new ParameterBuild();
        await _root.RunAsync(set, x => x.Show, "--registry-user", "ci", "--push-timeout", "30");
        Assert.Equal("ci", set.SeenUser);
        Assert.Equal(30, set.SeenTimeout);
    }

    [Fact]
    public async Task Values_of_every_type_come_from_the_command_line()
    {
        var build = new ParameterBuild();
        var outcome = await _root.RunAsync(build, x => x.Show,
            "--no-cache", "--retries", "9", "--flavour", "extra-spicy", "--tags", "a", "b", "--platforms", "linux/amd64,linux/arm64", "--output", "out/report.json");
        Assert.Equal(0, outcome.ExitCode);
        Assert.True(build.NoCache);
        Assert.Equal(9, build.Retries);
        Assert.Equal(Flavour.ExtraSpicy, build.Flavour);
        Assert.Equal(["a", "b"], build.Tags);
        Assert.Equal(["linux/amd64", "linux/arm64"], build.Platforms);
        Assert.Equal(_root.Path / "out" / "report.json", build.Output);
    }

    [Fact]
    public async Task Values_of_every_type_come_from_the_environment()
    {
        _root.Environment["NO_CACHE"] = "false";
        _root.Environment["RETRIES"] = "0";
        _root.Environment["FLAVOUR"] = "plain";
        _root.Environment["TAGS"] = "x  y\tz";
        _root.Environment["OUTPUT"] = "/tmp/elsewhere";
        var build = new ParameterBuild();
        Assert.Equal(0, (await _root.RunAsync(build, x => x.Show)).ExitCode);
        Assert.False(build.NoCache);
        Assert.Equal(0, build.Retries);
        Assert.Equal(Flavour.Plain, build.Flavour);
        Assert.Equal(["x", "y", "z"], build.Tags);
        Assert.Equal(AbsolutePath.Create("/tmp/elsewhere"), build.Output);
    }

    [Fact]
    public async Task Values_of_every_type_come_from_parameters_json()
    {
        _root.WriteNukeFile("parameters.json", """
            {
              "$schema": "./build.schema.json",
              // comments and trailing commas are allowed
              "NoCache": true,
              "Retries": 5,
              "Flavour": "ExtraSpicy",
              "Tags": ["one", "two"],
              "Platforms": "linux/amd64",
              "Output": "artifacts/x",
            }
            """);
        var build = new ParameterBuild();
        Assert.Equal(0, (await _root.RunAsync(build, x => x.Show)).ExitCode);
        Assert.True(build.NoCache);
        Assert.Equal(5, build.Retries);
        Assert.Equal(Flavour.ExtraSpicy, build.Flavour);
        Assert.Equal(["one", "two"], build.Tags);
        Assert.Equal(["linux/amd64"], build.Platforms);
        Assert.Equal(_root.Path / "artifacts" / "x", build.Output);
    }

    [Fact]
    public async Task A_bad_value_fails_the_run_naming_the_parameter_the_value_and_the_type()
    {
        var build = new ParameterBuild();
        var outcome = await _root.RunAsync(build, x => x.Show, "--retries", "lots");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Parameter 'Retries' (from command line): 'lots' is not a valid value; expected: whole number.", outcome.Output);
        Assert.Equal(0, build.SeenTimeout); // nothing ran
    }

    [Fact]
    public async Task A_bad_value_in_a_file_names_the_file()
    {
        _root.WriteNukeFile("parameters.ci.json", """{ "Flavour": "mild" }""");
        var outcome = await _root.RunAsync(new ParameterBuild(), x => x.Show, "--profile", "ci");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Parameter 'Flavour' (from profile ci): 'mild' is not a valid value; expected: one of Plain, ExtraSpicy.", outcome.Output);
    }

    [Fact]
    public async Task An_unknown_command_line_parameter_is_an_error_listing_the_valid_ones()
    {
        var outcome = await _root.RunAsync(new ParameterBuild(), x => x.Show, "--registy", "x");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Unknown parameter '--registy'. Valid parameters: --registry, --no-cache, --retries, --flavour, --tags, --platforms, --output, --registry-user, --push-timeout.", outcome.Output);
    }

    [Fact]
    public async Task An_unknown_field_in_a_parameters_file_names_the_file_and_the_field()
    {
        _root.WriteNukeFile("parameters.json", """{ "Registry": "r", "Retires": 3 }""");
        var outcome = await _root.RunAsync(new ParameterBuild(), x => x.Show);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"{_root.Nuke / "parameters.json"}: unknown parameter 'Retires'.", outcome.Output);
    }

    [Fact]
    public async Task A_parameters_file_that_is_not_json_names_the_file()
    {
        _root.WriteNukeFile("parameters.json", """{ "Registry": """);
        var outcome = await _root.RunAsync(new ParameterBuild(), x => x.Show);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"{_root.Nuke / "parameters.json"}: not valid JSON", outcome.Output);
    }

    [Fact]
    public async Task An_object_value_in_a_parameters_file_names_the_file_and_the_field()
    {
        _root.WriteNukeFile("parameters.json", """{ "Tags": { "a": 1 } }""");
        var outcome = await _root.RunAsync(new ParameterBuild(), x => x.Show);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("parameters.json: parameter 'Tags' must be a string, number, boolean or an array of them, not Object.", outcome.Output);
    }
}
