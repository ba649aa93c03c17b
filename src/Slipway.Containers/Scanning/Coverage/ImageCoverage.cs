namespace Slipway.Containers.Scanning.Coverage;

/// <summary>Whether an image's packages of one ecosystem were matched against advisories, and what with.</summary>
/// <param name="Detail">What the check was, or why there was none: "checked against 12 advisories", "no Maven advisories were available".</param>
public sealed record EcosystemCoverage(string Ecosystem, int Packages, bool Checked, string Detail);

/// <summary>The ecosystems found in one platform image and how far each was checked.</summary>
public sealed record ImageCoverage(string Service, string Platform, IReadOnlyList<EcosystemCoverage> Ecosystems)
{
    public IEnumerable<EcosystemCoverage> Unchecked => Ecosystems.Where(e => !e.Checked);
}
