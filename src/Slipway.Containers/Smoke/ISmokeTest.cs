using Slipway.Build;
using Slipway.Containers.Compose;
using Slipway.Containers.Smoke.Running;

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
        .Executes(ct => new SmokeTestRun(this).RunAsync(ct));

    /// <summary>When SmokeTest is in the run, its checks begin as their services come up (see <see cref="SmokeTestRun.StartEarly"/>).</summary>
    void IComposeUp.StackStarting(StackWatch watch) => new SmokeTestRun(this).StartEarly(watch);

    /// <summary>How each step is retried until it passes or its check's deadline passes: override to tune.</summary>
    RetryTiming SmokeRetries => RetryTiming.Default;
}
