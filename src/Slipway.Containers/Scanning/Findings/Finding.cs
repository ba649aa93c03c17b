namespace Slipway.Containers.Scanning.Findings;

/// <summary>
/// One advisory that affects one installed package of one platform image: the normalized model both backends
/// (builtin OSV matching, trivy) produce and that the policy and the reports read.
/// </summary>
public sealed record Finding
{
    /// <summary>The advisory's id (CVE-…, GHSA-…, DSA-…).</summary>
    public required string AdvisoryId { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];
    public string? Summary { get; init; }
    public string? Details { get; init; }
    public required Severity Severity { get; init; }

    /// <summary>The CVSS base score when the advisory gives one.</summary>
    public double? Score { get; init; }

    /// <summary>The first version that fixes it; null when no fix is known.</summary>
    public string? FixedVersion { get; init; }

    public string? Url { get; init; }

    public required string Service { get; init; }
    public required string Reference { get; init; }
    public required string Platform { get; init; }

    public required string Ecosystem { get; init; }
    public required string PackageName { get; init; }
    public required string InstalledVersion { get; init; }
    public required string Purl { get; init; }

    /// <summary>Where in the image the package was found.</summary>
    public required string Location { get; init; }

    /// <summary>"builtin" or "trivy".</summary>
    public required string Source { get; init; }

    /// <summary>The advisory id and its aliases: what an ignore entry may name.</summary>
    public IEnumerable<string> Ids => Aliases.Prepend(AdvisoryId);

    /// <summary>The same finding on another platform of the image counts once in summaries.</summary>
    public (string, string, string, string) DistinctKey => (Service, AdvisoryId, PackageName, InstalledVersion);
}
