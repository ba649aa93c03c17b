namespace Slipway.Build.Planning;

/// <summary>One step of a plan: the target, and why it will be skipped when it will be.</summary>
public sealed record PlannedTarget(TargetInfo Target, bool IsInvoked, string? SkipReason)
{
    public bool IsSkipped => SkipReason is not null;
}

/// <summary>The targets a run will visit, in the order it visits them.</summary>
public sealed record ExecutionPlan(IReadOnlyList<TargetInfo> Invoked, IReadOnlyList<PlannedTarget> Steps);

/// <summary>What the command line asked for: the targets and what to skip.</summary>
public sealed record PlanRequest(IReadOnlyList<string> Targets, bool SkipAllNotInvoked, IReadOnlyList<string> SkipTargets)
{
    public static PlanRequest Default { get; } = new([], false, []);
}

/// <summary>The request can't be planned: an unknown target, a cycle.</summary>
public sealed class PlanningException(string message) : Exception(message);
