using Semver;

namespace Slipway.Containers.Scanning.Versions;

/// <summary>
/// Semantic Versioning 2.0.0 precedence (npm, OSV's SEMVER ranges) by the Semver package, which compares prerelease
/// labels in ASCII order as the specification says (NuGet's ordering ignores their case); a leading 'v' is tolerated as npm does.
/// </summary>
public sealed class SemVerScheme : IVersionScheme
{
    public static readonly SemVerScheme Scheme = new();

    public bool TryCompare(string left, string right, out int order)
    {
        order = 0;
        if (!TryParse(left, out var a) || !TryParse(right, out var b)) return false;
        order = Math.Sign(SemVersion.ComparePrecedence(a, b));
        return true;
    }

    private static bool TryParse(string value, out SemVersion version)
    {
        value = value.Trim();
        if (value.StartsWith('v') || value.StartsWith('=')) value = value[1..];
        return SemVersion.TryParse(value, SemVersionStyles.Strict, out version!);
    }
}
