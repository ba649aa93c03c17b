using Slipway.Containers.Smoke.Running;

namespace Slipway.Containers.Smoke.Results;

/// <summary>How one check ended. A failed check names the step it stopped at and keeps that step's last try.</summary>
public sealed record CheckResult(string Name, TimeSpan Duration, int Attempts, string? FailedStep = null, StepAttempt? LastAttempt = null, string? Problem = null)
{
    public bool Passed => FailedStep is null;
}
