namespace Slipway.IntegrationTests.Support;

internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>Probes until the value satisfies the condition; fails naming what was awaited and the last value seen.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan timeout, string awaited)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up after {timeout} waiting for {awaited}; last seen: {value}");
            }
            await Task.Delay(Interval);
        }
    }
}
