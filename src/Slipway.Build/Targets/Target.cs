namespace Slipway.Build;

/// <summary>
/// A build target, declared as <c>Target Compile => _ => _.Executes(...)</c>.
/// The delegate is evaluated once per run to collect the definition.
/// </summary>
public delegate ITargetDefinition Target(ITargetDefinition _);

/// <summary>What happens to a target's dependencies when the target itself is skipped.</summary>
public enum DependencyBehavior
{
    /// <summary>Dependencies still run (the default).</summary>
    Execute,

    /// <summary>Dependencies are skipped too, unless another target that runs needs them.</summary>
    Skip,
}
