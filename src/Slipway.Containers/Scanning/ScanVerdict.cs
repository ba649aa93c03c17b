using Slipway.Containers.Scanning.Coverage;
using Slipway.Containers.Scanning.Findings;
using Slipway.Containers.Scanning.Policy;

namespace Slipway.Containers.Scanning;

/// <summary>
/// What a scan concludes, said the same way in the summary row, the Markdown, SARIF and the step summary: findings in
/// what was checked, and plainly when something (or everything) could not be checked. "Not checked" never reads as
/// "no findings", and with <see cref="RequireChecked"/> it fails the scan.
/// </summary>
public sealed record ScanVerdict(PolicyResult Policy, string? NotChecked, bool NothingChecked, bool RequireChecked)
{
    public static ScanVerdict Of(PolicyResult policy, IReadOnlyList<ImageCoverage> coverage, bool requireChecked) => new(
        policy,
        ScanCoverage.Unchecked(coverage),
        coverage.SelectMany(c => c.Ecosystems).Any() && coverage.SelectMany(c => c.Ecosystems).All(e => !e.Checked),
        requireChecked);

    public bool Passed => Policy.Passed && !(RequireChecked && NotChecked is not null);

    /// <summary>The target's summary row.</summary>
    public string Summary =>
        NothingChecked ? $"vulnerabilities not checked: {NotChecked}"
        : NotChecked is not null ? $"{Policy.Summary} in what was checked; not checked: {NotChecked}"
        : Policy.Summary;

    /// <summary>A sentence for reports that say it in full, or null when everything was checked.</summary>
    public string? NotCheckedSentence =>
        NotChecked is null ? null
        : NothingChecked ? $"Vulnerabilities were not checked: no advisories could be matched for {NotChecked}."
        : $"Not checked for vulnerabilities: {NotChecked}.";

    /// <summary>Why the scan fails, or null when it passes.</summary>
    public string? Failure(string summaryFile) =>
        !Policy.Passed ? $"Scan gate: {Policy.Summary} at or above {Policy.Settings.Threshold.Label()}; see {summaryFile}."
        : RequireChecked && NotChecked is not null ? $"Scan gate: --scan-fail-unchecked is set and these packages were not checked for vulnerabilities: {NotChecked}; see {summaryFile}."
        : null;
}
