using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Containers.Compose;
using Slipway.Containers.Smoke.Suite;

namespace Slipway.Containers.Smoke;

/// <summary>Smoke checks begun while ComposeUp still waited for the stack, for SmokeTest to report.</summary>
public sealed class EarlySmoke
{
    public (SmokeSuite Suite, Task<SmokeRun> Run)? Begun { get; set; }
}

/// <summary>One run of SmokeTest: the smoke file's checks against the stack ComposeUp started in this run.</summary>
internal sealed class SmokeTestRun(ISmokeTest build)
{
    /// <summary>
    /// Begins the checks while ComposeUp waits, each once the services it reaches are up, when SmokeTest is in the run.
    /// They run against this run's local stack only; SmokeTest reports them and passes or fails as it would have.
    /// </summary>
    public void StartEarly(StackWatch watch)
    {
        if (!build.Context.Scheduled.Contains(nameof(ISmokeTest.SmokeTest))) return;
        var session = build.Context.State<ComposeSession>();
        var (project, stack) = (session.ProjectName, session.Stack!);
        var suite = SmokeFileParser.Load(build.EffectiveSmokeFile);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(build.Context.CancellationToken, watch.Ended);
        var run = Task.Run(async () =>
        {
            using (stop) return await new SmokeTester(build.Log, project, stack).RunChecksAsync(suite, build.Context.RunId, build.SmokeRetries, watch, stop.Token);
        });
        build.Context.State<EarlySmoke>().Begun = (suite, run);
        watch.Track(run);
    }

    public async Task RunAsync(CancellationToken ct)
    {
        var session = build.Context.State<ComposeSession>();
        if (session is not { Command.ProjectName: { } project, Stack: { } stack })
            throw new TargetFailedException("SmokeTest needs the stack that ComposeUp starts in the same run (e.g. ./build.sh SmokeTest).");

        var tester = new SmokeTester(build.Log, project, stack);
        var begun = DateTimeOffset.UtcNow;
        var (suite, run) = build.Context.State<EarlySmoke>().Begun is { } early
            ? (early.Suite, await early.Run.WaitAsync(ct))
            : await RunNowAsync(tester, ct);
        var report = await tester.ReportAsync(suite, run, build.SmokeDirectory, ct);
        build.ReportSummary(report.Summary + Overlap(run, begun));
        build.Log.Information("Smoke results: {File}", report.JUnitFile.Value);
        if (report.Failed.Count > 0)
            throw new TargetFailedException($"{report.Summary}; failed: {string.Join(", ", report.Failed.Select(r => r.Name))} (details above and in {report.JUnitFile.RelativeTo(build.RootDirectory)}).");
    }

    private async Task<(SmokeSuite, SmokeRun)> RunNowAsync(SmokeTester tester, CancellationToken ct)
    {
        var suite = SmokeFileParser.Load(build.EffectiveSmokeFile);
        return (suite, await tester.RunChecksAsync(suite, build.Context.RunId, build.SmokeRetries, null, ct));
    }

    /// <summary>The wall time the early start saved: how long the checks ran before SmokeTest began, and what ran again.</summary>
    private static string Overlap(SmokeRun run, DateTimeOffset begun)
    {
        var ahead = begun - run.Started;
        var text = ahead >= TimeSpan.FromSeconds(0.1) ? $"; begun during ComposeUp, {Math.Min(ahead.TotalSeconds, run.Elapsed.TotalSeconds):0.0} s ahead" : "";
        return run.RanAgain.Count == 0 ? text : $"{text}; run again once every service was up: {string.Join(", ", run.RanAgain)}";
    }
}
