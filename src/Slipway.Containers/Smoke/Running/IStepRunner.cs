using Slipway.Containers.Smoke.Suite;

namespace Slipway.Containers.Smoke.Running;

/// <summary>Tries a rendered step once. Failures are results, not exceptions; only cancellation throws.</summary>
public interface IStepRunner
{
    Task<StepAttempt> RunAsync(SmokeStep step, CancellationToken cancellationToken);
}
