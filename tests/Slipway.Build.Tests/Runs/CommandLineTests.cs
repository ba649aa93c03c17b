using Slipway.Build.Tests.Infrastructure;

namespace Slipway.Build.Tests.Runs;

/// <summary>A command line the runner can't use exits 1 before anything runs, with a message saying what was expected.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TestRoot _root = new();

    public void Dispose() => _root.Dispose();

    private sealed class SmallBuild : RecordingBuild
    {
        [Parameter] public readonly string? Registry;
        public Target Compile => _ => _.Executes(() => Ran.Add(nameof(Compile)));
    }

    [Theory]
    [InlineData(new[] { "--plan", "--format", "yaml" }, "error: --format: 'yaml' is not valid; expected one of html, text, json.")]
    [InlineData(new[] { "--format", "json" }, "error: --format goes with --plan.")]
    [InlineData(new[] { "--verbosity", "chatty" }, "error: --verbosity: 'chatty' is not valid; expected one of quiet, minimal, normal, verbose.")]
    [InlineData(new[] { "Compile", "--registy", "r" }, "error: Unknown parameter '--registy'. Valid parameters: --registry.")]
    [InlineData(new[] { "--help", "yes" }, "error: --help takes no value, but got: yes.")]
    public async Task A_bad_command_line_exits_1_with_the_reason(string[] args, string message)
    {
        var build = new SmallBuild();
        var outcome = await _root.RunAsync(build, x => x.Compile, args);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Equal(message + Environment.NewLine, outcome.Output);
    }

    [Fact]
    public async Task Valid_options_in_any_case_are_accepted()
    {
        var build = new SmallBuild();
        var outcome = await _root.RunAsync(build, x => x.Compile, "--Verbosity", "Minimal", "--REGISTRY", "r");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("r", build.Registry);
        Assert.Equal(["Compile"], build.Ran);
    }
}
