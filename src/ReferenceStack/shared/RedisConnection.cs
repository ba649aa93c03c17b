using StackExchange.Redis;

namespace Stack.Shared;

public static class RedisConnection
{
    /// <summary>
    /// Connects without failing when Redis is not up yet: the multiplexer keeps reconnecting in the
    /// background, so a service recovers by itself after Redis restarts.
    /// </summary>
    public static IConnectionMultiplexer Connect(string connectionString, TimeSpan? commandTimeout = null)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        if (commandTimeout is { } timeout)
        {
            options.AsyncTimeout = (int)timeout.TotalMilliseconds;
        }
        return ConnectionMultiplexer.Connect(options);
    }

    /// <summary>The first sentence of an error: StackExchange.Redis appends a long diagnostic dump to its messages.</summary>
    public static string Describe(Exception exception) => exception.Message.Split(" - ", 2)[0];
}
