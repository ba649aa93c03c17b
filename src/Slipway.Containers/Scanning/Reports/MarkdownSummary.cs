using System.Text;
using Slipway.Containers.Scanning.Coverage;
using Slipway.Containers.Scanning.Findings;
using Slipway.Containers.Scanning.Inventory;
using Slipway.Containers.Scanning.Policy;

namespace Slipway.Containers.Scanning.Reports;

/// <summary>The scan as Markdown: artifacts/scan/summary.md and the CI run's step summary. What could not be checked is said first.</summary>
public static class MarkdownSummary
{
    private const int MaxRows = 50;

    public static string Create(IReadOnlyList<ImageInventory> images, ScanVerdict verdict, IReadOnlyList<ImageCoverage> coverage)
    {
        var md = new StringBuilder();
        var result = verdict.Policy;
        md.AppendLine($"## Image scan: {(!verdict.Passed ? "failed" : verdict.NothingChecked ? "not checked" : "passed")}").AppendLine();
        md.AppendLine($"{Escape(verdict.Summary)}. Threshold {result.Settings.Threshold.Label()}" +
                      (result.Settings.IgnoreUnfixed ? ", unfixed findings ignored" : "") + ".").AppendLine();
        if (verdict.NotChecked is { } notChecked)
            md.AppendLine($"> **Not checked for vulnerabilities:** {Escape(notChecked)}. These packages are in the SBOMs, but no finding can be reported for them.").AppendLine();
        foreach (var warning in result.Warnings) md.AppendLine($"> **Warning:** {Escape(warning)}").AppendLine();

        md.AppendLine("| Service | Platform | Packages | Failing | Below threshold | Ignored |");
        md.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var image in images)
        {
            int Count(FindingStatus status) => result.Findings.Count(f => f.Status == status && f.Finding.Service == image.Service && f.Finding.Platform == image.Platform);
            md.AppendLine($"| {Escape(image.Service)} | {image.Platform} | {image.Packages.Count} | {Count(FindingStatus.Failing)} | {Count(FindingStatus.BelowThreshold)} | {Count(FindingStatus.Ignored)} |");
        }

        md.AppendLine().AppendLine("| Service | Platform | Ecosystem | Packages | Advisories |");
        md.AppendLine("|---|---|---|---:|---|");
        foreach (var image in coverage)
        foreach (var e in image.Ecosystems)
            md.AppendLine($"| {Escape(image.Service)} | {image.Platform} | {e.Ecosystem} | {e.Packages} | {(e.Checked ? Escape(e.Detail) : $"**not checked**: {Escape(e.Detail)}")} |");

        var rows = result.Findings.DistinctBy(f => f.Finding.DistinctKey).ToList();
        if (rows.Count > 0)
        {
            md.AppendLine().AppendLine("| Severity | Advisory | Service | Package | Installed | Fixed | Status |");
            md.AppendLine("|---|---|---|---|---|---|---|");
            foreach (var e in rows.Take(MaxRows))
            {
                var f = e.Finding;
                var id = f.Url is { } url ? $"[{f.AdvisoryId}]({url})" : f.AdvisoryId;
                var status = e.Status switch
                {
                    FindingStatus.Failing => "**failing**",
                    FindingStatus.BelowThreshold => "below threshold",
                    _ => $"ignored ({Escape(e.Reason ?? "")})",
                };
                md.AppendLine($"| {f.Severity.Label()} | {id} | {Escape(f.Service)} | {Escape(f.PackageName)} | {Escape(f.InstalledVersion)} | {Escape(f.FixedVersion ?? "–")} | {status} |");
            }
            if (rows.Count > MaxRows) md.AppendLine().AppendLine($"…and {rows.Count - MaxRows} more in findings.json.");
        }
        return md.ToString();
    }

    private static string Escape(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
