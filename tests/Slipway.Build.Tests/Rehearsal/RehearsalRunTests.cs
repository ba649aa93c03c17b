using System.Diagnostics;
using System.Runtime.InteropServices;
using Slipway.Build.Execution;
using Slipway.Build.Tests.Infrastructure;

namespace Slipway.Build.Tests.Rehearsal;

/// <summary>
/// RehearseWorkflow end to end on a small repository with real git and bash: needs order, matrix legs, the job
/// environment, artifacts handed from one job to the next through the folder, GitHub-only steps skipped, and failures
/// named by job and step. (Container workflows are rehearsed by the integration tests.)
/// </summary>
public sealed class RehearsalRunTests : IDisposable
{
    private static readonly string Native = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux/arm64" : "linux/amd64";
    private static readonly string Other = Native == "linux/amd64" ? "linux/arm64" : "linux/amd64";

    private readonly TestRoot _root = new();

    public RehearsalRunTests()
    {
        foreach (var name in new[] { "PATH", "HOME" }) _root.Environment[name] = Environment.GetEnvironmentVariable(name) ?? "";
        _root.Environment["REHEARSED_SECRET"] = "s3cr3t-value";
        _root.Environment["KEPT"] = "from-the-machine";
        _root.Environment["GREETING"] = "a parameter of the rehearsing build";
        _root.Environment["CI"] = "true";
    }

    private sealed class RehearsingBuild : SlipwayBuild, IRehearseWorkflow
    {
        [Parameter("A parameter, which the machine's environment sets here and the rehearsed jobs must not see")]
        public readonly string? Greeting;

        public Target Nothing => _ => _.Executes(() => { });
    }

    private static string Workflow(string usesJob) =>
        $$$"""
          name: demo
          on:
            push:
              branches: [main]
          env:
            WORKFLOW_REF: ${{ github.ref }}
          jobs:
            make:
              runs-on: ${{ matrix.runner }}
              strategy:
                matrix:
                  include:
                    - platform: {{{Native}}}
                      runner: native
                      slug: native
                    - platform: {{{Other}}}
                      runner: other
                      slug: other
              env:
                SLUG: ${{ matrix.slug }}
                TOKEN: ${{ secrets.REHEARSED_SECRET }}
              steps:
                - uses: actions/checkout@11d5960a326750d5838078e36cf38b85af677262
                  with:
                    fetch-depth: 0
                - uses: actions/setup-dotnet@v4
                - name: Make
                  run: |
                    mkdir -p out/sub
                    echo "$SLUG $WORKFLOW_REF" > out/sub/made.txt
                    echo hidden > out/.hidden
                    git log --oneline | wc -l > out/commits.txt
                    echo "token is $TOKEN"
                    echo "MADE_BY=make" >> "$GITHUB_ENV"
                - name: Later steps see GITHUB_ENV
                  run: test "$MADE_BY" = make
                - name: Upload
                  if: ${{ !cancelled() }}
                  uses: actions/upload-artifact@v4
                  with:
                    name: made-${{ matrix.slug }}
                    path: out/**
                    if-no-files-found: error
            {{{usesJob}}}
          """;

    private const string UseJob =
        """
        use:
            needs: [make]
            runs-on: ubuntu-24.04
            steps:
              - uses: actions/download-artifact@v4
                with:
                  name: made-native
                  path: got
              - name: Check
                run: |
                  test "$(cat got/sub/made.txt)" = "overridden refs/heads/main"
                  test ! -e got/.hidden
                  test "$KEPT" = from-the-machine
                  test "$GIVEN" = here
                  test -z "${GREETING:-}"
                  test "$GITHUB_ACTIONS" = true
                  test -z "${CI:-}"
              - name: Never
                if: failure()
                run: exit 1
        """;

    [Fact]
    public async Task Jobs_run_in_needs_order_with_their_environment_and_hand_artifacts_over()
    {
        await CommitAsync(Workflow(UseJob));

        var outcome = await RehearseAsync("--rehearsal-secret", "REHEARSED_SECRET", "--rehearsal-env", "GIVEN=here", "SLUG=overridden");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var summary = File.ReadAllText(_root.Path / "artifacts" / "rehearsal" / "demo" / "summary.txt");
        Assert.Matches(@"make \(" + Native + @", native, native\)\s+Succeeded", summary);
        Assert.Matches(@"make \(" + Other + @", other, other\)\s+Not rehearsed\s+–\s+" + Other + " is not this machine's platform", summary);
        Assert.Matches(@"Run actions/setup-dotnet@v4\s+Skipped\s+–\s+GitHub only: installs \.NET", summary);
        Assert.Matches(@"Upload\s+Succeeded\s+\S+\s+'made-native': 2 file\(s\) from out", summary);
        Assert.Matches(@"use\s+Succeeded", summary);
        Assert.Matches(@"Never\s+Skipped\s+–\s+if: failure\(\) is false", summary);
        // The artifact holds the files below the search path, without hidden ones; full history was fetched.
        var store = _root.Path / "artifacts" / "rehearsal" / "demo" / "store" / "made-native";
        Assert.Equal(["commits.txt", "sub/made.txt"], Directory.GetFiles(store, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(store, f)).Order());
        Assert.Equal("2", File.ReadAllText(store / "commits.txt").Trim());
        Assert.Equal("overridden refs/heads/main", File.ReadAllText(store / "sub" / "made.txt").Trim());
        // The secret reached the job and no log shows it.
        var log = File.ReadAllText(Directory.GetFiles(_root.Path / "artifacts" / "rehearsal" / "demo" / "logs", "01-*.log").Single());
        Assert.Contains("token is ***", log);
        Assert.DoesNotContain("s3cr3t-value", string.Concat(Directory.GetFiles(_root.Path / "artifacts", "*", SearchOption.AllDirectories).Select(File.ReadAllText)) + outcome.Output);
        Assert.DoesNotContain(Directory.GetDirectories(Path.GetTempPath(), "slipway-rehearsal-*"), d => Directory.GetCreationTimeUtc(d) > _started);
    }

    [Fact]
    public async Task A_failing_step_fails_the_rehearsal_naming_the_job_and_the_step_and_skips_what_needs_it()
    {
        await CommitAsync(Workflow(UseJob.Replace("test ! -e got/.hidden", "test -e got/.hidden")));

        var outcome = await RehearseAsync();

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(TargetStatus.Failed, outcome.Status("RehearseWorkflow"));
        Assert.Contains("RehearseWorkflow failed: .github/workflows/demo.yml: job 'use' failed at step 2 'Check' (log: artifacts/rehearsal/demo/logs/03-use.log)", outcome.Output);
        var summary = File.ReadAllText(_root.Path / "artifacts" / "rehearsal" / "demo" / "summary.txt");
        Assert.Matches(@"Check\s+Failed\s+\S+\s+exit code 1\n", summary);
        // failure() holds after a failed step, and uploads guarded by !cancelled() still run.
        Assert.Matches(@"Never\s+Failed", summary);
    }

    [Fact]
    public async Task A_download_of_an_artifact_that_a_leg_not_rehearsed_uploads_fails_and_says_why()
    {
        await CommitAsync(Workflow(UseJob.Replace("name: made-native", "name: made-other")));

        var outcome = await RehearseAsync();

        Assert.Equal(1, outcome.ExitCode);
        var summary = File.ReadAllText(_root.Path / "artifacts" / "rehearsal" / "demo" / "summary.txt");
        Assert.Contains($"Artifact 'made-other' not found: make ({Other}, other, other) uploads it, and was not rehearsed", summary);
    }

    [Fact]
    public async Task A_workflow_that_is_not_there_is_named_with_those_that_are()
    {
        await CommitAsync(Workflow(UseJob));

        var outcome = await _root.RunAsync(new RehearsingBuild(), b => b.Nothing, "RehearseWorkflow", "--workflow", "release");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Parameter 'Workflow': there is no .github/workflows/release.yml; workflows here: demo.", outcome.Output);
    }

    private readonly DateTime _started = DateTime.UtcNow;

    private Task<BuildOutcome> RehearseAsync(params string[] arguments) =>
        _root.RunAsync(new RehearsingBuild(), b => b.Nothing, ["RehearseWorkflow", "--workflow", "demo", .. arguments]);

    private async Task CommitAsync(string workflow)
    {
        Directory.CreateDirectory(_root.Path / ".github" / "workflows");
        await File.WriteAllTextAsync(_root.Path / ".github" / "workflows" / "demo.yml", workflow);
        await File.WriteAllTextAsync(_root.Path / ".gitignore", "artifacts/\n.nuke/temp/\n");
        await GitAsync("init", "-q", "-b", "main");
        await GitAsync("add", "-A");
        await GitAsync("commit", "-q", "-m", "first");
        await File.WriteAllTextAsync(_root.Path / "second.txt", "2");
        await GitAsync("add", "-A");
        await GitAsync("commit", "-q", "-m", "second");
    }

    private async Task GitAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _root.Path, RedirectStandardError = true };
        foreach (var argument in (string[])["-c", "user.name=Tests", "-c", "user.email=tests@slipway.invalid", .. arguments]) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
    }

    public void Dispose() => _root.Dispose();
}
