using Microsoft.Extensions.FileSystemGlobbing;
using Slipway.Build.Execution;

namespace Slipway.Build.Output;

/// <summary>What the run's targets declared with Produces and actually wrote, for the line that tells where the artifacts are.</summary>
public static class ProducedFiles
{
    public static IReadOnlyList<string> Find(IEnumerable<TargetResult> results, AbsolutePath root)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        var patterns = results.Where(r => r.Status is TargetStatus.Succeeded or TargetStatus.Failed).SelectMany(r => r.Target.Produces).ToList();
        if (patterns.Count == 0) return [];
        matcher.AddIncludePatterns(patterns);
        return matcher.GetResultsInFullPath(root).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Deletes what an earlier run left where a target is about to write (its Produces patterns), so that a run's
    /// artifacts are that run's only: no SBOM of another stack, no log of an earlier failure.
    /// </summary>
    public static void Clear(IReadOnlyList<string> patterns, AbsolutePath root)
    {
        if (patterns.Count == 0) return;
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(patterns);
        foreach (var file in matcher.GetResultsInFullPath(root)) File.Delete(file);
    }

    /// <summary>"artifacts/images.json, artifacts/scan/ (12 files)": files at the top, folders with their count.</summary>
    public static string Describe(IReadOnlyList<string> files) =>
        string.Join(", ", files
            .GroupBy(f => f.Split('/') is { Length: > 2 } parts ? $"{parts[0]}/{parts[1]}/" : f)
            .Select(g => g.Key.EndsWith('/') ? $"{g.Key} ({g.Count()} {(g.Count() == 1 ? "file" : "files")})" : g.Key));
}
