using System.Runtime.CompilerServices;

namespace Slipway.Build;

/// <summary>
/// The fluent vocabulary of a target, following NUKE's names. A relation to a component's target is an error when the
/// build lacks that component, unless it is made with the <c>Try…</c> form, which is then ignored (NUKE's rule).
/// </summary>
public interface ITargetDefinition
{
    ITargetDefinition Description(string description);

    ITargetDefinition DependsOn(params Target[] targets);
    ITargetDefinition DependsOn<T>() where T : ISlipwayBuild;
    ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild;
    ITargetDefinition TryDependsOn<T>() where T : ISlipwayBuild;
    ITargetDefinition TryDependsOn<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild;

    ITargetDefinition DependentFor(params Target[] targets);
    ITargetDefinition DependentFor<T>() where T : ISlipwayBuild;
    ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild;
    ITargetDefinition TryDependentFor<T>() where T : ISlipwayBuild;
    ITargetDefinition TryDependentFor<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild;

    ITargetDefinition Before(params Target[] targets);
    ITargetDefinition Before<T>() where T : ISlipwayBuild;
    ITargetDefinition Before<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild;
    ITargetDefinition TryBefore<T>() where T : ISlipwayBuild;
    ITargetDefinition TryBefore<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild;

    ITargetDefinition After(params Target[] targets);
    ITargetDefinition After<T>() where T : ISlipwayBuild;
    ITargetDefinition After<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild;
    ITargetDefinition TryAfter<T>() where T : ISlipwayBuild;
    ITargetDefinition TryAfter<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild;

    ITargetDefinition Triggers(params Target[] targets);
    ITargetDefinition Triggers<T>() where T : ISlipwayBuild;
    ITargetDefinition Triggers<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild;
    ITargetDefinition TryTriggers<T>() where T : ISlipwayBuild;
    ITargetDefinition TryTriggers<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild;

    ITargetDefinition TriggeredBy(params Target[] targets);
    ITargetDefinition TriggeredBy<T>() where T : ISlipwayBuild;
    ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild;
    ITargetDefinition TryTriggeredBy<T>() where T : ISlipwayBuild;
    ITargetDefinition TryTriggeredBy<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild;

    /// <summary>Evaluated while planning; when false the target is skipped and the condition's text is the reason.</summary>
    ITargetDefinition OnlyWhenStatic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? text = null);

    /// <summary>Evaluated right before the target runs; when false the target is skipped and the condition's text is the reason.</summary>
    ITargetDefinition OnlyWhenDynamic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? text = null);

    /// <summary>
    /// Checked before any target runs: <c>Requires(() => Registry)</c> needs the parameter to be set,
    /// <c>Requires(() => Platforms.Length &gt; 0)</c> needs the condition to hold.
    /// </summary>
    ITargetDefinition Requires(Func<object?> requirement, [CallerArgumentExpression(nameof(requirement))] string? text = null);

    /// <summary>
    /// Checked after planning and before any target runs, for each target in the plan: throws an
    /// <see cref="InputException"/> naming the bad input, so that a mistake is reported before the slow work.
    /// </summary>
    ITargetDefinition Validates(Func<CancellationToken, Task> validation);

    ITargetDefinition Validates(Action validation);

    ITargetDefinition WhenSkipped(DependencyBehavior behavior);
    ITargetDefinition ProceedAfterFailure();
    ITargetDefinition AssuredAfterFailure();
    ITargetDefinition Unlisted();

    /// <summary>Paths or globs, relative to the root and under artifacts/, that this target writes.</summary>
    ITargetDefinition Produces(params string[] patterns);

    /// <summary>This target reads what <paramref name="target"/> produces; it also orders this target after it.</summary>
    ITargetDefinition Consumes(Target target);
    ITargetDefinition Consumes<T>(Func<T, Target> target) where T : ISlipwayBuild;

    ITargetDefinition Executes(Action action);
    ITargetDefinition Executes(Func<Task> action);
    ITargetDefinition Executes(Func<CancellationToken, Task> action);
}
