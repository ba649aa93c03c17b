using Slipway.Containers.Scanning.Findings;

namespace Slipway.Containers.Scanning.Policy;

/// <summary>Applies the threshold, the unfixed rule and the ignore entries to findings.</summary>
public static class ScanPolicy
{
    public static PolicyResult Evaluate(IEnumerable<Finding> findings, PolicySettings settings, DateTimeOffset now)
    {
        var warnings = new List<string>();
        var active = new List<IgnoreEntry>();
        foreach (var entry in settings.Ignores.Entries)
        {
            if (entry.IsExpired(now))
                warnings.Add($"{settings.Ignores.Origin}:{entry.Line}: the ignore entry for {entry.Id} expired on {entry.Expires:yyyy-MM-dd}; it no longer applies.");
            else
                active.Add(entry);
        }

        var evaluated = findings.Select(finding =>
        {
            var entry = active.FirstOrDefault(e => finding.Ids.Contains(e.Id, StringComparer.OrdinalIgnoreCase));
            if (entry is not null)
                return new EvaluatedFinding(finding, FindingStatus.Ignored,
                    $"{settings.Ignores.Origin}:{entry.Line}" + (entry.Expires is { } date ? $" until {date:yyyy-MM-dd}" : ""));
            if (settings.IgnoreUnfixed && finding.FixedVersion is null)
                return new EvaluatedFinding(finding, FindingStatus.Ignored, "no fixed version (--scan-ignore-unfixed)");
            return new EvaluatedFinding(finding, finding.Severity >= settings.Threshold ? FindingStatus.Failing : FindingStatus.BelowThreshold, null);
        }).OrderBy(f => f.Status).ThenByDescending(f => f.Finding.Severity).ThenBy(f => f.Finding.Service, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.AdvisoryId, StringComparer.Ordinal).ThenBy(f => f.Finding.Platform, StringComparer.Ordinal).ToList();
        return new PolicyResult(settings, evaluated, warnings);
    }
}
