using System.Text;
using Slipway.Containers.Publishing.Registry;

namespace Slipway.Containers.Publishing.Release;

/// <summary>The Markdown body of a GitHub release: changes since the previous tag, the images to pull, the scan summary.</summary>
public static class ReleaseNotes
{
    public static string Write(string tag, string? previousTag, IEnumerable<string> commitSubjects, IReadOnlyList<PublishedImage> images, string? scanSummary)
    {
        var text = new StringBuilder();
        text.AppendLine(previousTag is null ? $"## Changes in {tag}" : $"## Changes since {previousTag}").AppendLine();
        var groups = ConventionalCommits.Group(commitSubjects);
        if (groups.Count == 0) text.AppendLine("No commits.").AppendLine();
        foreach (var (heading, entries) in groups)
        {
            text.AppendLine($"### {heading}").AppendLine();
            foreach (var entry in entries)
                text.AppendLine($"- {(entry.Scope is { Length: > 0 } scope ? $"**{scope}:** " : "")}{entry.Description}");
            text.AppendLine();
        }

        text.AppendLine("## Images").AppendLine();
        text.AppendLine("Pull by digest to get exactly what was scanned and tested:").AppendLine();
        text.AppendLine("```");
        foreach (var image in images) text.AppendLine($"docker pull {image.PinnedReference}");
        text.AppendLine("```").AppendLine();
        text.AppendLine("| service | tags | platforms |").AppendLine("| --- | --- | --- |");
        foreach (var image in images)
            text.AppendLine($"| {image.Service} | {string.Join(", ", image.Tags.Select(t => $"`{t}`"))} | {string.Join(", ", image.Platforms)} |");
        text.AppendLine();

        text.AppendLine("## Scan").AppendLine();
        text.AppendLine(scanSummary is { Length: > 0 } summary ? DemoteHeadings(summary.Trim()) : "No scan summary was found (artifacts/scan/summary.md).");
        return text.ToString();
    }

    /// <summary>The scan summary's own headings go one level below "Scan".</summary>
    private static string DemoteHeadings(string markdown) =>
        string.Join('\n', markdown.Split('\n').Select(line => line.StartsWith('#') ? "##" + line : line));
}
