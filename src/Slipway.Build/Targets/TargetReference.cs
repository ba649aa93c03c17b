namespace Slipway.Build;

/// <summary>How one target names another in its definition, resolved once all targets are known.</summary>
internal abstract record TargetReference
{
    /// <summary>Made with a <c>Try…</c> form: ignored when the build does not have the component.</summary>
    public bool IsOptional { get; init; }

    /// <summary>A target delegate of the build class, such as <c>DependsOn(Compile)</c>.</summary>
    public sealed record Direct(Target Target) : TargetReference;

    /// <summary>A component's target, such as <c>DependsOn&lt;IBuildImages&gt;(x =&gt; x.BuildImages)</c>.</summary>
    public sealed record Member(Type Owner, Func<object, Target> Select) : TargetReference;

    /// <summary>Every target a component declares, such as <c>DependsOn&lt;IBuildImages&gt;()</c>.</summary>
    public sealed record Component(Type Type) : TargetReference;
}
