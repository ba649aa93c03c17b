namespace Slipway.Containers.Smoke.Running;

/// <summary>
/// How steps are retried: exponential backoff with jitter from <see cref="FirstDelay"/> up to <see cref="MaxDelay"/>; one
/// try is cut off after <see cref="AttemptTimeout"/>. A check runs alone for up to <see cref="RunAlone"/> before the next starts beside it (zero: all at once).
/// </summary>
public sealed record RetryTiming(TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan AttemptTimeout, TimeSpan RunAlone = default)
{
    // A first retry soon (a service often answers a moment after it reports healthy), backing off to a poll every half second: the services are local, and a slower poll only adds to the wait.
    public static RetryTiming Default { get; } = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1));
}
