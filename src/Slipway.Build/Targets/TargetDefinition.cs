namespace Slipway.Build;

/// <summary>Collects what one target's fluent definition says.</summary>
internal sealed class TargetDefinition : ITargetDefinition
{
    public string? DescriptionText { get; private set; }
    public List<TargetReference> DependsOnRefs { get; } = [];
    public List<TargetReference> DependentForRefs { get; } = [];
    public List<TargetReference> BeforeRefs { get; } = [];
    public List<TargetReference> AfterRefs { get; } = [];
    public List<TargetReference> TriggersRefs { get; } = [];
    public List<TargetReference> TriggeredByRefs { get; } = [];
    public List<TargetReference> ConsumesRefs { get; } = [];
    public List<Condition> StaticConditions { get; } = [];
    public List<Condition> DynamicConditions { get; } = [];
    public List<Requirement> Requirements { get; } = [];
    public List<Func<CancellationToken, Task>> Validations { get; } = [];
    public List<string> ProducedPatterns { get; } = [];
    public List<Func<CancellationToken, Task>> Actions { get; } = [];
    public DependencyBehavior SkippedBehavior { get; private set; } = DependencyBehavior.Execute;
    public bool IsProceedAfterFailure { get; private set; }
    public bool IsAssuredAfterFailure { get; private set; }
    public bool IsUnlisted { get; private set; }

    public ITargetDefinition Description(string description) => Set(() => DescriptionText = description);

    public ITargetDefinition DependsOn(params Target[] targets) => AddDirect(DependsOnRefs, targets);
    public ITargetDefinition DependsOn<T>() where T : ISlipwayBuild => AddComponent<T>(DependsOnRefs);
    public ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild => AddMembers(DependsOnRefs, targets);
    public ITargetDefinition TryDependsOn<T>() where T : ISlipwayBuild => AddComponent<T>(DependsOnRefs, optional: true);
    public ITargetDefinition TryDependsOn<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild => AddMembers(DependsOnRefs, targets, optional: true);

    public ITargetDefinition DependentFor(params Target[] targets) => AddDirect(DependentForRefs, targets);
    public ITargetDefinition DependentFor<T>() where T : ISlipwayBuild => AddComponent<T>(DependentForRefs);
    public ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild => AddMembers(DependentForRefs, targets);
    public ITargetDefinition TryDependentFor<T>() where T : ISlipwayBuild => AddComponent<T>(DependentForRefs, optional: true);
    public ITargetDefinition TryDependentFor<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild => AddMembers(DependentForRefs, targets, optional: true);

    public ITargetDefinition Before(params Target[] targets) => AddDirect(BeforeRefs, targets);
    public ITargetDefinition Before<T>() where T : ISlipwayBuild => AddComponent<T>(BeforeRefs);
    public ITargetDefinition Before<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild => AddMembers(BeforeRefs, targets);
    public ITargetDefinition TryBefore<T>() where T : ISlipwayBuild => AddComponent<T>(BeforeRefs, optional: true);
    public ITargetDefinition TryBefore<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild => AddMembers(BeforeRefs, targets, optional: true);

    public ITargetDefinition After(params Target[] targets) => AddDirect(AfterRefs, targets);
    public ITargetDefinition After<T>() where T : ISlipwayBuild => AddComponent<T>(AfterRefs);
    public ITargetDefinition After<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild => AddMembers(AfterRefs, targets);
    public ITargetDefinition TryAfter<T>() where T : ISlipwayBuild => AddComponent<T>(AfterRefs, optional: true);
    public ITargetDefinition TryAfter<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild => AddMembers(AfterRefs, targets, optional: true);

    public ITargetDefinition Triggers(params Target[] targets) => AddDirect(TriggersRefs, targets);
    public ITargetDefinition Triggers<T>() where T : ISlipwayBuild => AddComponent<T>(TriggersRefs);
    public ITargetDefinition Triggers<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild => AddMembers(TriggersRefs, targets);
    public ITargetDefinition TryTriggers<T>() where T : ISlipwayBuild => AddComponent<T>(TriggersRefs, optional: true);
    public ITargetDefinition TryTriggers<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild => AddMembers(TriggersRefs, targets, optional: true);

    public ITargetDefinition TriggeredBy(params Target[] targets) => AddDirect(TriggeredByRefs, targets);
    public ITargetDefinition TriggeredBy<T>() where T : ISlipwayBuild => AddComponent<T>(TriggeredByRefs);
    public ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild => AddMembers(TriggeredByRefs, targets);
    public ITargetDefinition TryTriggeredBy<T>() where T : ISlipwayBuild => AddComponent<T>(TriggeredByRefs, optional: true);
    public ITargetDefinition TryTriggeredBy<T>(params Func<T, Target>[] targets) where T : ISlipwayBuild => AddMembers(TriggeredByRefs, targets, optional: true);

    public ITargetDefinition OnlyWhenStatic(Func<bool> condition, string? text = null) =>
        Set(() => StaticConditions.Add(new Condition(condition, SourceText.OfLambda(text))));

    public ITargetDefinition OnlyWhenDynamic(Func<bool> condition, string? text = null) =>
        Set(() => DynamicConditions.Add(new Condition(condition, SourceText.OfLambda(text))));

    public ITargetDefinition Requires(Func<object?> requirement, string? text = null) =>
        Set(() => Requirements.Add(new Requirement(requirement, SourceText.OfLambda(text))));

    public ITargetDefinition Validates(Func<CancellationToken, Task> validation) => Set(() => Validations.Add(validation));

    public ITargetDefinition Validates(Action validation) => Set(() => Validations.Add(_ =>
    {
        validation();
        return Task.CompletedTask;
    }));

    public ITargetDefinition WhenSkipped(DependencyBehavior behavior) => Set(() => SkippedBehavior = behavior);
    public ITargetDefinition ProceedAfterFailure() => Set(() => IsProceedAfterFailure = true);
    public ITargetDefinition AssuredAfterFailure() => Set(() => IsAssuredAfterFailure = true);
    public ITargetDefinition Unlisted() => Set(() => IsUnlisted = true);
    public ITargetDefinition Produces(params string[] patterns) => Set(() => ProducedPatterns.AddRange(patterns));

    public ITargetDefinition Consumes(Target target) => AddDirect(ConsumesRefs, [target]);
    public ITargetDefinition Consumes<T>(Func<T, Target> target) where T : ISlipwayBuild => AddMembers(ConsumesRefs, [target]);

    public ITargetDefinition Executes(Action action) => Set(() => Actions.Add(_ =>
    {
        action();
        return Task.CompletedTask;
    }));

    public ITargetDefinition Executes(Func<Task> action) => Set(() => Actions.Add(_ => action()));
    public ITargetDefinition Executes(Func<CancellationToken, Task> action) => Set(() => Actions.Add(action));

    private TargetDefinition Set(Action change)
    {
        change();
        return this;
    }

    private TargetDefinition AddDirect(List<TargetReference> list, Target[] targets) =>
        Set(() => list.AddRange(targets.Select(t => new TargetReference.Direct(t))));

    private TargetDefinition AddComponent<T>(List<TargetReference> list, bool optional = false) =>
        Set(() => list.Add(new TargetReference.Component(typeof(T)) { IsOptional = optional }));

    private TargetDefinition AddMembers<T>(List<TargetReference> list, Func<T, Target>[] targets, bool optional = false) =>
        Set(() => list.AddRange(targets.Select(select => new TargetReference.Member(typeof(T), build => select((T)build)) { IsOptional = optional })));
}

/// <summary>A condition and its source text, which is shown as the reason when it is false.</summary>
public sealed record Condition(Func<bool> Evaluate, string Text);

/// <summary>A requirement: a parameter that must be set, or a condition that must hold.</summary>
public sealed record Requirement(Func<object?> Evaluate, string Text);
