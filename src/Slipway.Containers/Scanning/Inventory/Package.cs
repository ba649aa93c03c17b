namespace Slipway.Containers.Scanning.Inventory;

/// <summary>One installed package found in an image's filesystem.</summary>
public sealed record Package
{
    /// <summary>The OSV ecosystem name without a release: Debian, Alpine, Maven, NuGet, npm, PyPI.</summary>
    public required string Ecosystem { get; init; }

    public required string Name { get; init; }
    public required string Version { get; init; }

    /// <summary>The package URL (purl) that identifies it in SBOMs and advisories.</summary>
    public required string Purl { get; init; }

    /// <summary>The file inside the image the package was read from, e.g. <c>var/lib/dpkg/status</c>.</summary>
    public required string Location { get; init; }

    /// <summary>The source package (Debian Source:, Alpine origin), which OS advisories name; null when it is the package itself.</summary>
    public string? SourceName { get; init; }

    public string? SourceVersion { get; init; }

    /// <summary>
    /// The distribution release an OS package belongs to, as OSV names it after the ecosystem's colon ("12" for
    /// Debian:12, "3.19" for Alpine:v3.19); null for language packages, and where the release is unknown.
    /// </summary>
    public string? Release { get; init; }

    public string? Architecture { get; init; }
    public IReadOnlyList<string> Licenses { get; init; } = [];
}

public static class Ecosystems
{
    public const string Debian = "Debian";
    public const string Alpine = "Alpine";
    public const string Maven = "Maven";
    public const string NuGet = "NuGet";
    public const string Npm = "npm";
    public const string PyPI = "PyPI";
}
