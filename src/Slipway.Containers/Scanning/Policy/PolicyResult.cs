using Slipway.Containers.Scanning.Findings;

namespace Slipway.Containers.Scanning.Policy;

public enum FindingStatus
{
    /// <summary>At or above the threshold and not ignored: fails the gate.</summary>
    Failing,

    /// <summary>Below the threshold: reported, not failing.</summary>
    BelowThreshold,

    /// <summary>Covered by an ignore entry, or unfixed with --scan-ignore-unfixed.</summary>
    Ignored,
}

public sealed record EvaluatedFinding(Finding Finding, FindingStatus Status, string? Reason);

public sealed record PolicyResult(PolicySettings Settings, IReadOnlyList<EvaluatedFinding> Findings, IReadOnlyList<string> Warnings)
{
    public bool Passed => Findings.All(f => f.Status != FindingStatus.Failing);

    /// <summary>Findings counted once across the platforms of an image.</summary>
    private IEnumerable<EvaluatedFinding> Distinct(FindingStatus status) =>
        Findings.Where(f => f.Status == status).DistinctBy(f => f.Finding.DistinctKey);

    public int IgnoredCount => Distinct(FindingStatus.Ignored).Count();

    /// <summary>"2 critical, 5 high (3 ignored)"; "no findings at or above HIGH" when nothing fails.</summary>
    public string Summary
    {
        get
        {
            var failing = Distinct(FindingStatus.Failing).GroupBy(f => f.Finding.Severity).OrderByDescending(g => g.Key)
                .Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}").ToList();
            var text = failing.Count > 0 ? string.Join(", ", failing) : $"no findings at or above {Settings.Threshold.Label()}";
            return IgnoredCount > 0 ? $"{text} ({IgnoredCount} ignored)" : text;
        }
    }
}
