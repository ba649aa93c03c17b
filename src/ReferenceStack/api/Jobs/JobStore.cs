using Npgsql;
using Stack.Shared;

namespace Stack.Api.Jobs;

public sealed record Job(Guid Id, string Input, string Status, string? Result, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt);

public sealed record NewJob(string? Input);

/// <summary>Job rows in PostgreSQL: the api creates them queued, the worker completes them.</summary>
internal sealed class JobStore(NpgsqlDataSource dataSource)
{
    public async Task<Job> CreateAsync(string input, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO jobs (id, input, status) VALUES ($1, $2, $3) RETURNING id, input, status, result, created_at, completed_at");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = input });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JobStatus.Queued });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Read(reader);
    }

    public async Task<Job?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, input, status, result, created_at, completed_at FROM jobs WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM jobs WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Job Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.GetFieldValue<DateTimeOffset>(4),
        reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5));
}
