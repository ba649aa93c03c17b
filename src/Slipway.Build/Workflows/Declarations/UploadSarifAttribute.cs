namespace Slipway.Build;

/// <summary>
/// The target writes SARIF files into <paramref name="directory"/>; its job uploads them to GitHub code scanning
/// and is given <c>security-events: write</c> for it. On a target property, or on a component interface for its own targets.
/// </summary>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Property)]
public sealed class UploadSarifAttribute(string directory) : Attribute
{
    /// <summary>Relative to the root, e.g. <c>artifacts/scan</c>.</summary>
    public string Directory { get; } = directory;
}
