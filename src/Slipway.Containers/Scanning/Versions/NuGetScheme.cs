using NuGet.Versioning;

namespace Slipway.Containers.Scanning.Versions;

/// <summary>NuGet's ordering: up to four numeric parts, case-insensitive SemVer 2.0 prerelease labels, metadata ignored.</summary>
public sealed class NuGetScheme : IVersionScheme
{
    public static readonly NuGetScheme Scheme = new();

    public bool TryCompare(string left, string right, out int order)
    {
        order = 0;
        if (!NuGetVersion.TryParse(left.Trim(), out var a) || !NuGetVersion.TryParse(right.Trim(), out var b)) return false;
        order = Math.Sign(VersionComparer.VersionRelease.Compare(a, b));
        return true;
    }
}
