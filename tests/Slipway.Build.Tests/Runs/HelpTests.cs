using Slipway.Build.Tests.Infrastructure;
using Slipway.Build.Tests.Unit;

namespace Slipway.Build.Tests.Runs;

/// <summary>--help: the targets with descriptions and direct dependencies, the parameters with type, value and origin.</summary>
public sealed class HelpTests : IDisposable
{
    private readonly TestRoot _root = new();

    public void Dispose() => _root.Dispose();

    private sealed class HelpBuild : RecordingBuild, IRegistryComponent
    {
        [Parameter("Registry host")] public readonly string Registry = "localhost:5000";
        [Parameter("How often to retry")] public readonly int Retries = 3;
        [Parameter("Taste")] public readonly Flavour Flavour;
        [Parameter("Image tags")] public readonly string[] Tags = ["latest"];
        [Parameter("Signing key"), Secret, Required] public readonly string? SigningKey;
        [Parameter] public readonly bool NoCache;

        public Target Restore => _ => _.Description("Restores tools");
        public Target Compile => _ => _.Description("Compiles everything").DependsOn(Restore);
        public Target Test => _ => _.Description("Runs the tests").DependsOn(Compile, Restore);
        public Target Internal => _ => _.Unlisted();
        public Target Ship => _ => _.Executes(() => Ran.Add(nameof(Ship)));
    }

    private async Task<string[]> HelpAsync(params string[] args)
    {
        var build = new HelpBuild();
        var outcome = await _root.RunAsync(build, x => x.Test, [.. args, "--help"]);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(build.Ran);
        return outcome.Output.Split(Environment.NewLine);
    }

    private static int IndexOf(string[] lines, string start) =>
        Array.FindIndex(lines, l => l.StartsWith(start, StringComparison.Ordinal)) is >= 0 and var i ? i : throw new Xunit.Sdk.XunitException($"No line starts with '{start}':\n{string.Join("\n", lines)}");

    [Fact]
    public async Task Targets_are_listed_with_descriptions_direct_dependencies_and_the_default_marked()
    {
        var lines = await HelpAsync();
        Assert.Contains(lines, l => l.Contains("where the order is free, the target declared first runs first"));
        Assert.Matches(@"^  Restore\s+Restores tools$", lines[IndexOf(lines, "  Restore")]);
        var compile = IndexOf(lines, "  Compile");
        Assert.Matches(@"^  Compile\s+Compiles everything$", lines[compile]);
        Assert.Matches(@"^\s+depends on: Restore$", lines[compile + 1]);
        var test = IndexOf(lines, "  Test (default)");
        Assert.Matches(@"^  Test \(default\)\s+Runs the tests$", lines[test]);
        Assert.Matches(@"^\s+depends on: Compile, Restore$", lines[test + 1]);
        Assert.Matches(@"^  Ship\s*$", lines[IndexOf(lines, "  Ship")]);
        Assert.DoesNotContain(lines, l => l.Contains("Internal"));
        Assert.DoesNotContain(lines, l => l.Contains("Ship (default)") || l.Contains("Compile (default)"));
    }

    [Fact]
    public async Task Parameters_are_listed_with_type_description_value_and_origin()
    {
        _root.WriteNukeFile("parameters.json", """{ "Retries": 4 }""");
        _root.WriteNukeFile("parameters.ci.json", """{ "Flavour": "ExtraSpicy" }""");
        _root.Environment["TAGS"] = "a b";
        var lines = await HelpAsync("--profile", "ci", "--registry", "registry.example:443");

        void AssertParameter(string cli, string type, string? description, string value)
        {
            var at = IndexOf(lines, $"  --{cli} ");
            Assert.EndsWith(type, lines[at]);
            if (description is not null) Assert.Equal($"    {description}", lines[++at]);
            Assert.Equal($"    = {value}", lines[at + 1]);
        }

        AssertParameter("registry", "<string>", "Registry host", "registry.example:443  (command line)");
        AssertParameter("retries", "<whole number>", "How often to retry", "4  (.nuke/parameters.json)");
        AssertParameter("flavour", "<one of Plain, ExtraSpicy>", "Taste", "ExtraSpicy  (profile ci)");
        AssertParameter("tags", "<list of string>", "Image tags", "[a, b]  (environment)");
        AssertParameter("signing-key", "<string> required secret", "Signing key", "(not set)  (default)");
        AssertParameter("no-cache", "<bool (true or false)>", null, "false  (default)");
        AssertParameter("registry-user", "<string>", "Registry user", "(not set)  (default)");
        AssertParameter("push-timeout", "<whole number>", "Push timeout in seconds", "120  (default)");
    }

    [Fact]
    public async Task Initializer_values_are_shown_as_the_default()
    {
        var lines = await HelpAsync();
        Assert.Contains("    = localhost:5000  (default)", lines);
        Assert.Contains("    = [latest]  (default)", lines);
    }

    [Fact]
    public async Task A_secret_is_masked_wherever_its_value_came_from()
    {
        _root.Environment["SIGNING_KEY"] = "key-material-8812";
        var lines = await HelpAsync();
        Assert.DoesNotContain(lines, l => l.Contains("key-material-8812"));
        Assert.Equal("    = ***  (environment)", lines[IndexOf(lines, "  --signing-key") + 2]);
    }

    [Fact]
    public async Task Help_does_not_require_required_parameters_and_runs_nothing()
    {
        var lines = await HelpAsync();
        Assert.DoesNotContain(lines, l => l.Contains("is required"));
        Assert.StartsWith("Usage: ./build.sh", lines[0]);
    }
}
