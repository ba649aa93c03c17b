using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Containers.Compose;
using Slipway.Containers.Smoke.Running;
using Slipway.Containers.Smoke.Suite;

namespace Slipway.Containers.Smoke;

/// <summary>Runs the stack's declared checks (http, tcp, exec) against the running stack and writes JUnit XML.</summary>
public interface ISmokeTest : IComposeUp
{
    [Parameter("The stack's smoke checks (default: smoke.yaml beside the first compose file)")]
    AbsolutePath? SmokeFile => TryGetValue(() => SmokeFile);

    AbsolutePath EffectiveSmokeFile => SmokeFile ?? ComposeFiles[0].Parent! / "smoke.yaml";

    AbsolutePath SmokeDirectory => ArtifactsDirectory / "smoke";

    Target SmokeTest => _ => _
        .Description("Runs the stack's smoke checks against the running stack; JUnit XML in artifacts/smoke")
        .DependsOn<IComposeUp>(x => x.ComposeUp)
        .Before<IComposeUp>(x => x.ComposeDown)
        .Produces("artifacts/smoke/**")
        .Validates(ct => SmokeInputs.ValidateAsync(this, ct))
        .Executes(async ct =>
        {
            var session = Context.State<ComposeSession>();
            if (session is not { Command: { ProjectName: not null } compose, Stack: { } stack })
                throw new TargetFailedException("SmokeTest needs the stack that ComposeUp starts in the same run (e.g. ./build.sh SmokeTest).");

            var suite = SmokeFileParser.Load(EffectiveSmokeFile);
            var report = await new SmokeTester(Processes, Log, compose, stack).RunAsync(suite, Context.RunId, SmokeDirectory, RetryTiming.Default, ct);

            ReportSummary(report.Summary);
            Log.Information("Smoke results: {File}", report.JUnitFile.Value);
            if (report.Failed.Count > 0)
                throw new TargetFailedException($"{report.Summary}; failed: {string.Join(", ", report.Failed.Select(r => r.Name))} (details above and in {report.JUnitFile.RelativeTo(RootDirectory)}).");
        });
}
