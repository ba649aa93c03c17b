using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Stack.Shared;

namespace Stack.Worker;

/// <summary>Does one job's work (the SHA-256 of its input stands in for real work) and records the result.</summary>
internal sealed class JobProcessor(NpgsqlDataSource dataSource, ILogger<JobProcessor> logger)
{
    public async Task ProcessAsync(JobMessage job, CancellationToken cancellationToken)
    {
        var result = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(job.Input)));

        // Only a queued job is completed, so a job delivered twice (after a requeue) is recorded once.
        await using var command = dataSource.CreateCommand(
            "UPDATE jobs SET status = $1, result = $2, completed_at = now() WHERE id = $3 AND status = $4");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JobStatus.Done });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = result });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = job.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JobStatus.Queued });
        var updated = await command.ExecuteNonQueryAsync(cancellationToken);

        if (updated == 1)
        {
            logger.LogInformation("Job {JobId} done", job.Id);
        }
        else
        {
            logger.LogWarning("Job {JobId} was not queued in the database (unknown or already done)", job.Id);
        }
    }
}
