using Stack.Shared;
using StackExchange.Redis;

namespace Stack.Api.Jobs;

internal static class JobEndpoints
{
    private const int MaxInputLength = 10_000;

    public static void MapJobs(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/v1/jobs");

        // 202 with the job queued; the client polls GET until status is "done".
        jobs.MapPost("", async (NewJob body, JobStore store, IConnectionMultiplexer redis, ILogger<JobStore> logger, CancellationToken ct) =>
        {
            if (body.Input is not { Length: > 0 and <= MaxInputLength } input)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["input"] = [$"An input of 1 to {MaxInputLength} characters is required."],
                });
            }
            var job = await store.CreateAsync(input, ct);
            try
            {
                await redis.GetDatabase().ListLeftPushAsync(JobQueue.PendingKey, JobQueue.Serialize(new JobMessage(job.Id, input)));
            }
            catch (RedisException exception)
            {
                // A row nobody will ever complete would read as "queued" forever.
                logger.LogWarning("Could not enqueue job {JobId}: {Reason}", job.Id, RedisConnection.Describe(exception));
                await store.DeleteAsync(job.Id, ct);
                return Results.Problem("The job queue is unavailable.", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            return Results.Accepted($"/api/v1/jobs/{job.Id}", job);
        });

        jobs.MapGet("/{id:guid}", async (Guid id, JobStore store, CancellationToken ct) =>
            await store.GetAsync(id, ct) is { } job ? Results.Ok(job) : Results.NotFound());
    }
}
