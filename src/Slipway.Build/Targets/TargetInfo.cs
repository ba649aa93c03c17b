namespace Slipway.Build;

/// <summary>A target with its relations resolved to other targets; what planning, execution and workflow generation read.</summary>
public sealed class TargetInfo
{
    internal TargetInfo(string name, int index, Type declaringType, TargetDefinition definition, System.Reflection.MethodInfo method)
    {
        Method = method;
        Name = name;
        Index = index;
        DeclaringType = declaringType;
        Definition = definition;
    }

    internal TargetDefinition Definition { get; }

    /// <summary>The body of the target's lambda: how a <see cref="Target"/> delegate is matched to this target.</summary>
    internal System.Reflection.MethodInfo Method { get; }

    public string Name { get; }

    /// <summary>Declaration order; breaks ties between targets that could run in either order.</summary>
    public int Index { get; }

    /// <summary>The build class or the component interface that declares the target.</summary>
    public Type DeclaringType { get; }

    public string? Description => Definition.DescriptionText;
    public bool IsUnlisted => Definition.IsUnlisted;
    public bool IsAssuredAfterFailure => Definition.IsAssuredAfterFailure;
    public bool IsProceedAfterFailure => Definition.IsProceedAfterFailure;
    public DependencyBehavior WhenSkipped => Definition.SkippedBehavior;
    public IReadOnlyList<Condition> StaticConditions => Definition.StaticConditions;
    public IReadOnlyList<Condition> DynamicConditions => Definition.DynamicConditions;
    public IReadOnlyList<Requirement> Requirements => Definition.Requirements;
    public IReadOnlyList<Func<CancellationToken, Task>> Validations => Definition.Validations;
    public IReadOnlyList<string> Produces => Definition.ProducedPatterns;
    internal IReadOnlyList<Func<CancellationToken, Task>> Actions => Definition.Actions;

    /// <summary>Targets that must run before this one (its own DependsOn and others' DependentFor).</summary>
    public List<TargetInfo> DependsOn { get; } = [];

    /// <summary>Targets this one starts after it runs (its own Triggers and others' TriggeredBy).</summary>
    public List<TargetInfo> Triggers { get; } = [];

    /// <summary>Targets that, when both run, run after this one (Before, others' After).</summary>
    public List<TargetInfo> RunsBefore { get; } = [];

    /// <summary>Targets whose products this one reads.</summary>
    public List<TargetInfo> Consumes { get; } = [];

    public override string ToString() => Name;
}
