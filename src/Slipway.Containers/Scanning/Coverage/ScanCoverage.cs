using Slipway.Containers.Scanning.Advisories;
using Slipway.Containers.Scanning.Inventory;
using Slipway.Containers.Scanning.Versions;

namespace Slipway.Containers.Scanning.Coverage;

/// <summary>
/// States, for each image and each ecosystem found in it, whether advisories could be matched: an ecosystem without
/// advisories or without a version ordering was not checked, which the reports must not present as "no findings".
/// </summary>
public static class ScanCoverage
{
    /// <summary>Trivy matched the images with its own database and orderings.</summary>
    public static IReadOnlyList<ImageCoverage> ByTrivy(IEnumerable<ImageInventory> inventories) =>
        Of(inventories, (ecosystem, _) => new EcosystemCoverage(ecosystem.Key, ecosystem.Count(), true, "checked by trivy"));

    /// <param name="matcher">The builtin backend, with every advisory of the scan.</param>
    /// <param name="osvApiAnswered">Whether the OSV API was asked about every package and answered: an ecosystem none of whose packages it named was checked too.</param>
    public static IReadOnlyList<ImageCoverage> ByAdvisories(IEnumerable<ImageInventory> inventories, AdvisoryMatcher matcher, bool osvApiAnswered) =>
        Of(inventories, (ecosystem, image) =>
        {
            var packages = ecosystem.Count();
            if (VersionSchemes.ForEcosystem(ecosystem.Key) is null)
                return new EcosystemCoverage(ecosystem.Key, packages, false, $"Slipway cannot order {ecosystem.Key} versions");
            var advisories = matcher.AdvisoriesFor(ecosystem.Key);
            if (advisories == 0 && !osvApiAnswered)
                return new EcosystemCoverage(ecosystem.Key, packages, false, $"no {ecosystem.Key} advisories were available");
            var detail = osvApiAnswered ? $"checked with the OSV API ({Count(advisories)} naming {ecosystem.Key} packages)" : $"checked against {Count(advisories)}";
            var unevaluated = matcher.Unevaluated.Where(u => u.Service == image.Service && u.Platform == image.Platform && u.Ecosystem == ecosystem.Key)
                .Select(u => u.AdvisoryId).Distinct().Count();
            if (unevaluated > 0) detail += $"; {Count(unevaluated)} could not be evaluated";
            return new EcosystemCoverage(ecosystem.Key, packages, true, detail);
        });

    /// <summary>"Maven in api, Alpine in db": what was not checked, each ecosystem and service once; null when everything was.</summary>
    public static string? Unchecked(IEnumerable<ImageCoverage> coverage)
    {
        var missing = coverage.SelectMany(image => image.Unchecked.Select(e => $"{e.Ecosystem} in {image.Service}")).Distinct().ToList();
        return missing.Count == 0 ? null : string.Join(", ", missing);
    }

    private static string Count(int advisories) => advisories == 1 ? "1 advisory" : $"{advisories} advisories";

    private static IReadOnlyList<ImageCoverage> Of(IEnumerable<ImageInventory> inventories, Func<IGrouping<string, Package>, ImageInventory, EcosystemCoverage> cover) =>
        inventories.Select(image => new ImageCoverage(image.Service, image.Platform,
            image.Packages.GroupBy(p => p.Ecosystem).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => cover(g, image)).ToList())).ToList();
}
