namespace Slipway.Build.Workflows;

/// <summary>Names and paths of the artifacts that carry a target's products from one job to another.</summary>
internal static class Artifacts
{
    private const string ArtifactsDirectory = "artifacts";
    private static readonly char[] Wildcards = ['*', '?', '[', '{'];

    public static string Name(TargetInfo producer, string? slug) =>
        ParameterDescriptor.ToKebabCase(producer.Name) + (slug is null ? "" : "-" + slug);

    /// <summary>
    /// The folder upload-artifact stores paths relative to: the part of each pattern before its first wildcard (a plain
    /// file's folder), and for several patterns the deepest folder they share. Downloading into it restores the paths.
    /// </summary>
    public static string Root(TargetInfo producer)
    {
        var roots = producer.Produces.Select(pattern =>
        {
            var segments = Segments(producer, pattern);
            var fixedCount = segments.TakeWhile(s => s.IndexOfAny(Wildcards) < 0).Count();
            return segments.Take(fixedCount == segments.Length ? segments.Length - 1 : fixedCount).ToArray();
        }).ToList();
        var shared = roots.Aggregate((a, b) => a.Zip(b).TakeWhile(p => p.First == p.Second).Select(p => p.First).ToArray());
        return string.Join('/', shared);
    }

    /// <summary>Where one platform's products land in a job that gathers every platform's: <c>artifacts/platforms/linux-arm64/…</c>.</summary>
    public static string PlatformRoot(TargetInfo producer, string slug)
    {
        var root = Root(producer);
        var below = root.Length > ArtifactsDirectory.Length ? root[(ArtifactsDirectory.Length + 1)..] : "";
        return $"{ArtifactsDirectory}/{PlatformArtifacts.Folder}/{slug}" + (below.Length > 0 ? "/" + below : "");
    }

    private static string[] Segments(TargetInfo producer, string pattern)
    {
        var segments = pattern.Replace('\\', '/').TrimStart('.', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 2 && segments[0] == ArtifactsDirectory
            ? segments
            : throw new BuildDefinitionException(
                $"Target '{producer.Name}' produces '{pattern}', which is not under {ArtifactsDirectory}/: workflows upload and download products only there.");
    }
}
