using Slipway.Build.Tests.Infrastructure;

namespace Slipway.Build.Tests.Workflows;

/// <summary>A local run rewrites stale workflows with a log line; on a server CheckWorkflows fails with the diff instead.</summary>
public sealed class RegenerationTests : IDisposable
{
    private readonly TestRoot _root = new();

    private string Ci => _root.Path / ".github" / "workflows" / "ci.yml";

    [Fact]
    public async Task A_local_run_writes_missing_or_changed_workflows_and_says_so()
    {
        var first = await _root.RunAsync(new WorkflowBuild(), x => x.Compile);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Regenerated .github/workflows/ci.yml", first.Output);
        Assert.Contains("Regenerated .github/workflows/release.yml", first.Output);
        Assert.Equal(Generate.Files(new WorkflowBuild())[0].Content, File.ReadAllText(Ci));

        var second = await _root.RunAsync(new WorkflowBuild(), x => x.Compile);
        Assert.DoesNotContain("Regenerated", second.Output);
    }

    [Fact]
    public async Task Changing_a_targets_dependencies_regenerates_the_workflow()
    {
        await _root.RunAsync(new PlainBuild(), x => x.From<IEngine>().Prepare);
        var plain = _root.Path / ".github" / "workflows" / "plain.yml";
        Assert.Contains("./build.sh Prepare MakeImages Scan Up Check Down --skip", File.ReadAllText(plain));

        var outcome = await _root.RunAsync(new RewiredBuild(), x => x.MakeImages);
        Assert.Contains("Regenerated .github/workflows/plain.yml", outcome.Output);
        Assert.Contains("run: ./build.sh MakeImages Check --skip", File.ReadAllText(plain));
    }

    [Fact]
    public async Task CheckWorkflows_passes_when_current_and_fails_on_a_server_with_the_diff_when_stale()
    {
        Assert.Equal(0, (await _root.RunAsync(new WorkflowBuild(), x => x.Compile)).ExitCode);
        _root.Environment["GITHUB_ACTIONS"] = "true";
        var current = await _root.RunAsync(new WorkflowBuild(), x => x.Compile, "CheckWorkflows");
        Assert.Equal(0, current.ExitCode);

        var stale = File.ReadAllText(Ci).Replace("timeout-minutes: 60", "timeout-minutes: 5");
        File.WriteAllText(Ci, stale);
        var outcome = await _root.RunAsync(new WorkflowBuild(), x => x.Compile, "CheckWorkflows");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("-    timeout-minutes: 5", outcome.Output);
        Assert.Contains("+    timeout-minutes: 60", outcome.Output);
        Assert.Contains(".github/workflows/ci.yml differ(s) from what the [GitHubActions] declarations generate", outcome.Output);
        Assert.Equal(stale, File.ReadAllText(Ci)); // a server run reports, it does not rewrite
    }

    [Fact]
    public async Task CheckWorkflows_flags_an_action_not_pinned_to_a_commit_in_any_workflow_file()
    {
        Assert.Equal(0, (await _root.RunAsync(new WorkflowBuild(), x => x.Compile)).ExitCode);
        _root.Environment["GITHUB_ACTIONS"] = "true";
        // A hand-written workflow beside the generated ones: its tag-pinned action is flagged with file and line.
        File.WriteAllText(_root.Path / ".github" / "workflows" / "docs.yaml",
            "on: push\njobs:\n  docs:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n      - uses: ./.github/actions/local\n");
        var outcome = await _root.RunAsync(new WorkflowBuild(), x => x.Compile, "CheckWorkflows");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(".github/workflows/docs.yaml:6 actions/checkout@v4: not pinned to a full commit SHA", outcome.Output);
        Assert.DoesNotContain("local: not pinned", outcome.Output);
        Assert.DoesNotContain("ci.yml:", outcome.Output);
    }

    [Fact]
    public async Task CheckWorkflows_fails_when_a_workflow_is_missing()
    {
        _root.Environment["GITHUB_ACTIONS"] = "true";
        var outcome = await _root.RunAsync(new WorkflowBuild(), x => x.Compile, "CheckWorkflows");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("+name: ci", outcome.Output);
        Assert.False(File.Exists(Ci));
    }

    public void Dispose() => _root.Dispose();
}
