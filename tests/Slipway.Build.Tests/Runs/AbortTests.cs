using Slipway.Build.Execution;
using Slipway.Build.Tests.Infrastructure;

namespace Slipway.Build.Tests.Runs;

/// <summary>Ctrl-C and SIGTERM, as BuildRunner.Abort: the running target is aborted, assured targets still run.</summary>
public sealed class AbortTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TestRoot _root = new();

    public void Dispose() => _root.Dispose();

    private sealed class AbortBuild : RecordingBuild
    {
        public TaskCompletionSource LongStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource CleanupStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool CleanupBlocks { get; init; }

        public Target Long => _ => _.Executes(async ct =>
        {
            Ran.Add("Long started");
            LongStarted.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
                Ran.Add("Long finished");
            }
            finally
            {
                // A clean-up that takes a moment, as removing a temporary registry does.
                await Task.Delay(300, CancellationToken.None);
                Ran.Add("Long cleaned up");
            }
        });

        public Target Next => _ => _.DependsOn(Long).Executes(() => Ran.Add(nameof(Next)));

        public Target Cleanup => _ => _.After(Long).AssuredAfterFailure().Executes(async ct =>
        {
            Ran.Add(nameof(Cleanup));
            CleanupStarted.SetResult();
            if (CleanupBlocks) await Task.Delay(Timeout.Infinite, ct);
        });

        public Target All => _ => _.DependsOn(Next, Cleanup);
    }

    private async Task<(int ExitCode, string Output, BuildRunner Runner)> RunAndAbort(AbortBuild build, Func<BuildRunner, Task> abort)
    {
        var output = new StringWriter();
        var runner = _root.CreateRunner(output);
        var run = runner.RunAsync(build, x => x.All, []);
        await abort(runner);
        var exitCode = await run.WaitAsync(Patience);
        return (exitCode, output.ToString(), runner);
    }

    [Theory]
    [InlineData(BuildRunner.ExitInterrupted)]
    [InlineData(BuildRunner.ExitTerminated)]
    public async Task The_running_target_is_aborted_assured_targets_still_run_and_the_exit_code_is_the_signals(int exitCode)
    {
        var build = new AbortBuild();
        var (code, output, runner) = await RunAndAbort(build, async r =>
        {
            await build.LongStarted.Task.WaitAsync(Patience);
            r.Abort(exitCode);
        });

        Assert.Equal(exitCode, code);
        // The aborted target finishes its own clean-up before anything else runs.
        Assert.Equal(["Long started", "Long cleaned up", "Cleanup"], build.Ran);
        var status = runner.Results.ToDictionary(r => r.Target.Name, r => r.Status);
        Assert.Equal(TargetStatus.Aborted, status["Long"]);
        Assert.Equal(TargetStatus.NotRun, status["Next"]);
        Assert.Equal(TargetStatus.Succeeded, status["Cleanup"]);
        Assert.Equal(TargetStatus.NotRun, status["All"]);
        Assert.Matches(@"(?m)^Long\s+Aborted\s+0:\d\d\.\d{3}\s+aborted$", output);
        Assert.Contains("Build failed.", output);
    }

    private sealed class SlowInputsBuild : RecordingBuild
    {
        public TaskCompletionSource Checking { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Target Checked => _ => _
            .Validates(async ct =>
            {
                Checking.SetResult();
                await Task.Delay(Timeout.Infinite, ct);
            })
            .Executes(() => Ran.Add(nameof(Checked)));
    }

    [Fact]
    public async Task A_signal_while_the_inputs_are_checked_ends_the_run_with_its_exit_code_and_runs_nothing()
    {
        var build = new SlowInputsBuild();
        var output = new StringWriter();
        var runner = _root.CreateRunner(output);
        var run = runner.RunAsync(build, x => x.Checked, []);
        await build.Checking.Task.WaitAsync(Patience);
        runner.Abort(BuildRunner.ExitTerminated);

        Assert.Equal(BuildRunner.ExitTerminated, await run.WaitAsync(Patience));
        Assert.Empty(build.Ran);
        Assert.Contains("Stopped while checking the inputs: no target ran", output.ToString());
    }

    [Fact]
    public async Task A_second_abort_aborts_the_assured_targets_too()
    {
        var build = new AbortBuild { CleanupBlocks = true };
        var (code, _, runner) = await RunAndAbort(build, async r =>
        {
            await build.LongStarted.Task.WaitAsync(Patience);
            r.Abort(BuildRunner.ExitInterrupted);
            await build.CleanupStarted.Task.WaitAsync(Patience);
            r.Abort(BuildRunner.ExitInterrupted);
        });

        Assert.Equal(BuildRunner.ExitInterrupted, code);
        Assert.Equal(TargetStatus.Aborted, runner.Results.Single(r => r.Target.Name == "Cleanup").Status);
    }
}
