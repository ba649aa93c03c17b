namespace Slipway.Build;

/// <summary>
/// A value the user sets from the command line (<c>--registry-password</c>), the environment
/// (<c>REGISTRY_PASSWORD</c>) or <c>.nuke/parameters*.json</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string? description = null) : Attribute
{
    public string? Description { get; } = description;

    /// <summary>For arrays: splits one value on this text instead of on whitespace.</summary>
    public string? Separator { get; init; }
}

/// <summary>The parameter's value is masked as *** wherever Slipway prints or writes it.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;

/// <summary>The build fails before any target runs when this parameter has no value.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute;
