namespace Slipway.Containers.Scanning.Versions;

/// <summary>The version ordering of each OSV ecosystem that Slipway inventories.</summary>
public static class VersionSchemes
{
    /// <summary>The scheme of an OSV ecosystem (its base name: "Debian" for "Debian:12"), or null when Slipway has none.</summary>
    public static IVersionScheme? ForEcosystem(string ecosystem) => ecosystem.Split(':')[0].ToLowerInvariant() switch
    {
        "debian" or "ubuntu" => DpkgVersion.Scheme,
        "alpine" => ApkVersion.Scheme,
        "maven" => MavenVersion.Scheme,
        "npm" => SemVerScheme.Scheme,
        "nuget" => NuGetScheme.Scheme,
        "pypi" => Pep440Scheme.Scheme,
        _ => null,
    };
}
