using Npgsql;
using Stack.Shared;
using StackExchange.Redis;

namespace Stack.Api.Health;

/// <summary>Checks freshly on every call whether PostgreSQL and Redis answer.</summary>
internal sealed class ReadinessProbe(NpgsqlDataSource dataSource, IConnectionMultiplexer redis, ILogger<ReadinessProbe> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<bool> DatabaseIsUpAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return true;
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            // Pooled connections to a restarted server are dead; drop them so the next probe dials anew.
            dataSource.Clear();
            logger.LogWarning("Database probe failed: {Reason}", exception.Message);
            return false;
        }
    }

    public async Task<bool> CacheIsUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(Timeout, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or OperationCanceledException)
        {
            logger.LogWarning("Cache probe failed: {Reason}", RedisConnection.Describe(exception));
            return false;
        }
    }
}
