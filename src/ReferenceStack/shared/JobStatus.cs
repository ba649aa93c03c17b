namespace Stack.Shared;

/// <summary>Values of jobs.status in PostgreSQL.</summary>
public static class JobStatus
{
    public const string Queued = "queued";
    public const string Done = "done";
}
