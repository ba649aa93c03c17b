using NuGet.Versioning;

namespace Slipway.Containers.Scanning.Versions;

/// <summary>Semantic Versioning 2.0.0 precedence (npm, OSV's SEMVER ranges); a leading 'v' is tolerated as npm does.</summary>
public sealed class SemVerScheme : IVersionScheme
{
    public static readonly SemVerScheme Scheme = new();

    public bool TryCompare(string left, string right, out int order)
    {
        order = 0;
        if (!TryParse(left, out var a) || !TryParse(right, out var b)) return false;
        order = Math.Sign(VersionComparer.VersionRelease.Compare(a, b));
        return true;
    }

    private static bool TryParse(string value, out SemanticVersion version)
    {
        value = value.Trim();
        if (value.StartsWith('v') || value.StartsWith('=')) value = value[1..];
        return SemanticVersion.TryParse(value, out version!);
    }
}
