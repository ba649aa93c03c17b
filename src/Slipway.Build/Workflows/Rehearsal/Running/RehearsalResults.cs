namespace Slipway.Build.Workflows.Rehearsal;

public enum RehearsalStatus
{
    Succeeded,
    Failed,
    Skipped,
    NotRehearsed,
    Cancelled,
}

/// <summary>What happened to one step: its status, time and a note (the skip reason, the failure, what it did).</summary>
public sealed record StepResult(int Number, string Name, RehearsalStatus Status, TimeSpan Duration, string? Note);

/// <summary>What happened to one job run, step by step, and where its log is.</summary>
public sealed record JobResult(JobRun Run, RehearsalStatus Status, TimeSpan Duration, string? Note, IReadOnlyList<StepResult> Steps, string? LogFile)
{
    public StepResult? FailedStep => Steps.FirstOrDefault(s => s.Status == RehearsalStatus.Failed);
}
