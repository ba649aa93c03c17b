using System.Security.Cryptography;
using System.Text;
using Slipway.Build;

namespace Slipway.Containers.Publishing.Release;

/// <summary>A file to attach to the release, under a name unique within the release.</summary>
public sealed record ReleaseAsset(string Name, string Path, string ContentType);

/// <summary>
/// What a release carries: images.json, every SBOM, SARIF and JSON report under artifacts/scan (or, from a merge job,
/// every platform's under artifacts/platforms), and a SHA256SUMS file
/// (sha256sum's format, so <c>sha256sum -c</c> checks a download).
/// </summary>
public static class ReleaseAssets
{
    public const string ChecksumsName = "SHA256SUMS";

    /// <param name="artifacts">The artifacts folder.</param>
    /// <param name="outputDirectory">Where the checksums file is written.</param>
    public static IReadOnlyList<ReleaseAsset> Collect(string artifacts, string outputDirectory)
    {
        var files = new List<string>();
        var buildReport = Path.Combine(artifacts, "images.json");
        if (File.Exists(buildReport)) files.Add(buildReport);
        files.AddRange(Reports(Path.Combine(artifacts, "scan")));
        // A merge job's Publish has each platform's products under platforms/{slug}/ instead: images.json, pushed.json, scan/.
        files.AddRange(Reports(Path.Combine(artifacts, PlatformArtifacts.Folder)));

        // Asset names are flat: scan/sbom/api.cdx.json becomes scan-sbom-api.cdx.json.
        var assets = files.Select(f => new ReleaseAsset(Path.GetRelativePath(artifacts, f).Replace(Path.DirectorySeparatorChar, '-'), f, ContentTypeOf(f))).ToList();

        Directory.CreateDirectory(outputDirectory);
        var checksums = Path.Combine(outputDirectory, ChecksumsName);
        var lines = new StringBuilder();
        foreach (var asset in assets)
        {
            using var stream = File.OpenRead(asset.Path);
            lines.Append(Convert.ToHexStringLower(SHA256.HashData(stream))).Append("  ").Append(asset.Name).Append('\n');
        }
        File.WriteAllText(checksums, lines.ToString());
        assets.Add(new ReleaseAsset(ChecksumsName, checksums, "text/plain"));
        return assets;
    }

    private static IEnumerable<string> Reports(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".sarif", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
            : [];

    private static string ContentTypeOf(string file) =>
        file.EndsWith(".sarif", StringComparison.OrdinalIgnoreCase) ? "application/sarif+json" : "application/json";
}
