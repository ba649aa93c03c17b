using System.Text.Json;

namespace Stack.Shared;

/// <summary>The Redis lists that carry jobs from the api to the worker.</summary>
public static class JobQueue
{
    /// <summary>The api pushes on the left; the worker takes from the right (FIFO).</summary>
    public const string PendingKey = "stack:jobs:pending";

    /// <summary>Jobs a worker has taken but not yet finished, so a crash does not lose them.</summary>
    public const string ProcessingKey = "stack:jobs:processing";

    public static string Serialize(JobMessage message) => JsonSerializer.Serialize(message, JsonOptions);

    public static JobMessage? Deserialize(string json) => JsonSerializer.Deserialize<JobMessage>(json, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

/// <summary>One job: its row id in the jobs table and the input to work on.</summary>
public sealed record JobMessage(Guid Id, string Input);
