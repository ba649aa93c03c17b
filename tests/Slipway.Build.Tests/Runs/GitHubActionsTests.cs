using Slipway.Build.Execution;
using Slipway.Build.Tests.Infrastructure;

namespace Slipway.Build.Tests.Runs;

/// <summary>With GITHUB_ACTIONS=true: ::group:: per target, ::error:: annotations, the Markdown step summary.</summary>
public sealed class GitHubActionsTests : IDisposable
{
    private readonly TestRoot _root = new();

    public GitHubActionsTests()
    {
        _root.Environment["GITHUB_ACTIONS"] = "true";
        _root.Environment["GITHUB_STEP_SUMMARY"] = StepSummary;
    }

    private AbsolutePath StepSummary => _root.Path / "step-summary.md";

    public void Dispose() => _root.Dispose();

    private sealed class CiBuild : RecordingBuild
    {
        public Target Compile => _ => _.Executes(() => Log.Information("compiling"));
        public Target Test => _ => _.DependsOn(Compile).Executes(() => throw new TargetFailedException("3 tests failed\n50% of them flaky"));
        public Target Warn => _ => _.DependsOn(Compile).Executes(() => Log.Warning("disk almost full"));
    }

    [Fact]
    public async Task Each_targets_output_is_in_a_group()
    {
        var outcome = await _root.RunAsync(new CiBuild(), x => x.Warn);
        Assert.Equal(0, outcome.ExitCode);
        var lines = outcome.Output.Split(Environment.NewLine);
        var begin = Array.IndexOf(lines, "::group::Compile");
        Assert.True(begin >= 0, outcome.ToString());
        Assert.EndsWith("INF compiling", lines[begin + 1]);
        Assert.Equal("::endgroup::", lines[begin + 2]);
        Assert.Contains("::group::Warn", lines);
        Assert.Equal(2, lines.Count(l => l == "::endgroup::"));
        Assert.DoesNotContain("── Compile", outcome.Output);
    }

    [Fact]
    public async Task Errors_and_warnings_become_annotations_with_escaped_text()
    {
        var failed = await _root.RunAsync(new CiBuild(), x => x.Test);
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("::error::Test failed: 3 tests failed%0A50%25 of them flaky", failed.Output.Split(Environment.NewLine));

        var warned = await _root.RunAsync(new CiBuild(), x => x.Warn);
        Assert.Contains("::warning::disk almost full", warned.Output.Split(Environment.NewLine));
        Assert.DoesNotContain("::error::", warned.Output);
    }

    [Fact]
    public async Task The_markdown_summary_is_appended_to_the_step_summary_file()
    {
        await File.WriteAllTextAsync(StepSummary, "earlier step\n");
        await _root.RunAsync(new CiBuild(), x => x.Test);
        var markdown = await File.ReadAllTextAsync(StepSummary);
        Assert.StartsWith("earlier step\n### ❌ Build failed", markdown);
        Assert.Contains("| Compile | Succeeded |", markdown);
        Assert.Contains("| Test | Failed |", markdown);
        Assert.Contains("3 tests failed |", markdown);
    }

    [Fact]
    public async Task A_local_run_writes_no_workflow_commands_and_no_step_summary()
    {
        _root.Environment.Remove("GITHUB_ACTIONS");
        var outcome = await _root.RunAsync(new CiBuild(), x => x.Test);
        Assert.DoesNotContain("::", outcome.Output);
        Assert.False(File.Exists(StepSummary));
    }
}
