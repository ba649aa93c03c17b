namespace Slipway.Build.Execution;

public enum TargetStatus
{
    Succeeded,
    Failed,
    Skipped,
    NotRun,
    Aborted,
}

/// <summary>What happened to one target of the plan.</summary>
public sealed class TargetResult(TargetInfo target)
{
    public TargetInfo Target { get; } = target;
    public TargetStatus Status { get; internal set; } = TargetStatus.NotRun;
    public TimeSpan Duration { get; internal set; }

    /// <summary>The skip reason, the failure, or what the target reported with ReportSummary.</summary>
    public string? Note { get; internal set; }

    public bool Blocks => Status is TargetStatus.Failed or TargetStatus.NotRun or TargetStatus.Aborted;
}

/// <summary>A target's own way to fail with a message for the user and no stack trace.</summary>
public sealed class TargetFailedException(string message) : Exception(message);
