using System.Text.Json;
using Npgsql;
using Stack.Shared;
using StackExchange.Redis;

namespace Stack.Worker;

/// <summary>
/// Takes jobs from Redis with BLMOVE into a processing list (a reliable queue: a job leaves the
/// processing list only once its result is in PostgreSQL) and hands them to the processor.
/// </summary>
internal sealed class JobWorker(IConnectionMultiplexer redis, JobProcessor processor, Heartbeat heartbeat, ILogger<JobWorker> logger)
    : BackgroundService
{
    public static readonly TimeSpan BlockTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recovered = false;
        logger.LogInformation("Waiting for jobs on {Queue}", JobQueue.PendingKey);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!recovered)
                {
                    await RequeueUnfinishedAsync();
                    recovered = true;
                }
                var taken = await redis.GetDatabase().ExecuteAsync(
                    "BLMOVE", JobQueue.PendingKey, JobQueue.ProcessingKey, "RIGHT", "LEFT", (int)BlockTimeout.TotalSeconds);
                heartbeat.Beat();
                if (!taken.IsNull)
                {
                    await HandleAsync((string)taken!, stoppingToken);
                }
            }
            catch (Exception exception) when (exception is RedisException or NpgsqlException or TimeoutException)
            {
                logger.LogWarning("Job loop interrupted: {Reason}; retrying in {Delay}s", RedisConnection.Describe(exception), RetryDelay.TotalSeconds);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    private async Task HandleAsync(string message, CancellationToken stoppingToken)
    {
        var queue = redis.GetDatabase();
        if (Parse(message) is { } job)
        {
            try
            {
                await processor.ProcessAsync(job, stoppingToken);
            }
            catch (NpgsqlException)
            {
                // Back to the consuming end of the queue, so it is retried first once the database answers.
                await queue.ListRemoveAsync(JobQueue.ProcessingKey, message, count: 1);
                await queue.ListRightPushAsync(JobQueue.PendingKey, message);
                throw;
            }
        }
        await queue.ListRemoveAsync(JobQueue.ProcessingKey, message, count: 1);
    }

    private JobMessage? Parse(string message)
    {
        try
        {
            return JobQueue.Deserialize(message);
        }
        catch (JsonException exception)
        {
            logger.LogError("Dropping a malformed job message: {Reason}", exception.Message);
            return null;
        }
    }

    /// <summary>
    /// Puts back jobs a previous run took but did not finish. With several replicas this can also requeue
    /// a job another replica is working on; the processor records each job once, so that is harmless.
    /// </summary>
    private async Task RequeueUnfinishedAsync()
    {
        var queue = redis.GetDatabase();
        var count = 0;
        while (!(await queue.ListMoveAsync(JobQueue.ProcessingKey, JobQueue.PendingKey, ListSide.Right, ListSide.Right)).IsNull)
        {
            count++;
        }
        if (count > 0)
        {
            logger.LogInformation("Requeued {Count} unfinished job(s)", count);
        }
    }
}
