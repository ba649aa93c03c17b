using Slipway.Containers.Scanning.Findings;
using Slipway.Containers.Scanning.Versions;

namespace Slipway.Containers.Scanning.Advisories;

/// <summary>
/// One vulnerability of a package reached through several advisories (GHSA-…, PYSEC-…, CVE-… naming each other in
/// their aliases) is one finding: the most severe advisory's, known under all of their ids, fixed where the last of
/// their fixes says.
/// </summary>
public static class AliasGroups
{
    /// <param name="findings">Findings of one installed package.</param>
    /// <param name="scheme">The package's version ordering, to pick the latest of several fixed versions.</param>
    public static IReadOnlyList<Finding> Merge(IReadOnlyList<Finding> findings, IVersionScheme? scheme)
    {
        var groups = new List<List<Finding>>();
        foreach (var finding in findings)
        {
            var ids = finding.Ids.ToHashSet(StringComparer.OrdinalIgnoreCase);
            var joined = groups.Where(g => g.Any(f => f.Ids.Any(ids.Contains))).ToList();
            var group = joined.SelectMany(g => g).Append(finding).ToList();
            groups.RemoveAll(joined.Contains);
            groups.Add(group);
        }
        return groups.Select(g => g.Count == 1 ? g[0] : Combine(g, scheme)).ToList();
    }

    private static Finding Combine(List<Finding> group, IVersionScheme? scheme)
    {
        var first = group.OrderByDescending(f => f.Severity).ThenBy(f => f.FixedVersion is null).ThenBy(f => f.AdvisoryId, StringComparer.Ordinal).First();
        var fixes = group.Select(f => f.FixedVersion).OfType<string>().Distinct().ToList();
        var lastFix = fixes.Count == 0 ? null
            : scheme is null ? first.FixedVersion ?? fixes[0]
            : fixes.Order(Comparer<string>.Create((a, b) => scheme.TryCompare(a, b, out var o) ? o : 0)).Last();
        return first with
        {
            Aliases = group.SelectMany(f => f.Ids).Where(id => !id.Equals(first.AdvisoryId, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList(),
            FixedVersion = lastFix,
        };
    }
}
