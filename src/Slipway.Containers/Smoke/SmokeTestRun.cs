using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Containers.Compose;
using Slipway.Containers.Smoke.Running;
using Slipway.Containers.Smoke.Suite;

namespace Slipway.Containers.Smoke;

/// <summary>One run of SmokeTest: the smoke file's checks against the stack ComposeUp started in this run.</summary>
internal sealed class SmokeTestRun(ISmokeTest build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var session = build.Context.State<ComposeSession>();
        if (session is not { Command.ProjectName: { } project, Stack: { } stack })
            throw new TargetFailedException("SmokeTest needs the stack that ComposeUp starts in the same run (e.g. ./build.sh SmokeTest).");

        var suite = SmokeFileParser.Load(build.EffectiveSmokeFile);
        var report = await new SmokeTester(build.Log, project, stack).RunAsync(suite, build.Context.RunId, build.SmokeDirectory, build.SmokeRetries, ct);
        build.ReportSummary(report.Summary);
        build.Log.Information("Smoke results: {File}", report.JUnitFile.Value);
        if (report.Failed.Count > 0)
            throw new TargetFailedException($"{report.Summary}; failed: {string.Join(", ", report.Failed.Select(r => r.Name))} (details above and in {report.JUnitFile.RelativeTo(build.RootDirectory)}).");
    }
}
