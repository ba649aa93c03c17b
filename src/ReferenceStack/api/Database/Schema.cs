using Npgsql;

namespace Stack.Api.Database;

/// <summary>Creates the api's tables at start, waiting for PostgreSQL while it comes up.</summary>
internal static class Schema
{
    private const int MaxAttempts = 10;
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(15);

    // The advisory lock serialises replicas that start together: concurrent CREATE TABLE IF NOT EXISTS can still collide.
    private const string Sql = """
        SELECT pg_advisory_xact_lock(4242);

        CREATE TABLE IF NOT EXISTS items (
            id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name       text        NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now()
        );

        CREATE TABLE IF NOT EXISTS jobs (
            id           uuid PRIMARY KEY,
            input        text        NOT NULL,
            status       text        NOT NULL,
            result       text,
            created_at   timestamptz NOT NULL DEFAULT now(),
            completed_at timestamptz
        );
        """;

    public static async Task ApplyAsync(NpgsqlDataSource dataSource, ILogger logger, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            logger.LogInformation("Applying database schema (attempt {Attempt}/{MaxAttempts})", attempt, MaxAttempts);
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using var command = new NpgsqlCommand(Sql, connection, transaction);
                await command.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Database schema is up to date");
                return;
            }
            catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification)
            {
                // Wrong credentials don't fix themselves: fail now, so the deployment sees it at once.
                logger.LogCritical("The database rejected the api's credentials: {Reason}", exception.MessageText);
                throw;
            }
            catch (Exception exception) when (attempt < MaxAttempts && exception is NpgsqlException or TimeoutException)
            {
                var delay = Backoff(attempt);
                logger.LogWarning("Database not ready ({Reason}); retrying in {Delay}s", exception.Message, delay.TotalSeconds);
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempt - 1), MaxDelay.TotalSeconds));
}
