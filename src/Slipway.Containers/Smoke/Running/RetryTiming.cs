namespace Slipway.Containers.Smoke.Running;

/// <summary>How steps are retried: exponential backoff with jitter from <see cref="FirstDelay"/> up to <see cref="MaxDelay"/>; one try is cut off after <see cref="AttemptTimeout"/>.</summary>
public sealed record RetryTiming(TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan AttemptTimeout)
{
    public static RetryTiming Default { get; } = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
}
