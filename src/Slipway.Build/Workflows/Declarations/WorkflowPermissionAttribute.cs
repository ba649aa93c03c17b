namespace Slipway.Build;

/// <summary>
/// A GitHub token permission the target's job needs beyond the workflow's <c>contents: read</c>, e.g. <c>packages: write</c>.
/// On a target property, or on a component interface for the component's own targets (not inherited: least privilege).
/// </summary>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Property, AllowMultiple = true)]
public sealed class WorkflowPermissionAttribute(string scope, string access) : Attribute
{
    /// <summary>e.g. <c>packages</c>, <c>contents</c>, <c>id-token</c>.</summary>
    public string Scope { get; } = scope;

    /// <summary><c>read</c> or <c>write</c>.</summary>
    public string Access { get; } = access;

    /// <summary>
    /// <c>Parameter=VALUE</c>: the permission is given only in workflows whose <see cref="GitHubActionsAttribute.Parameters"/>
    /// set that parameter to that value (case-insensitive), e.g. <c>id-token: write</c> only where images are signed keyless.
    /// </summary>
    public string? When { get; init; }
}
