using Slipway.Containers.Images;
using Slipway.Containers.Scanning.Inventory.Layers;

namespace Slipway.Containers.Scanning.Inventory.Catalogers;

/// <summary>Debian packages from dpkg's database: var/lib/dpkg/status, or one file per package in status.d (distroless).</summary>
public static class DpkgCataloger
{
    public static IEnumerable<Package> Read(ImageFiles files, OsRelease? os)
    {
        foreach (var (path, text) in files.Where(p => p == "var/lib/dpkg/status" || p.StartsWith("var/lib/dpkg/status.d/", StringComparison.Ordinal)))
        foreach (var paragraph in ControlParagraphs.Parse(text))
        {
            if (!paragraph.TryGetValue("Package", out var name) || !paragraph.TryGetValue("Version", out var version)) continue;
            // status.d entries have no Status field: being there means installed.
            if (paragraph.TryGetValue("Status", out var status) && status.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() != "installed") continue;
            var architecture = paragraph.GetValueOrDefault("Architecture");
            var (sourceName, sourceVersion) = Source(paragraph.GetValueOrDefault("Source"), version);
            var distro = os is { Id: var id, VersionId: { } versionId } ? $"{id}-{versionId}" : null;
            yield return new Package
            {
                Ecosystem = Ecosystems.Debian,
                Name = name,
                Version = version,
                Architecture = architecture,
                SourceName = sourceName,
                SourceVersion = sourceVersion,
                Release = os?.VersionId,
                Location = path,
                Purl = Purl.Create("deb", os?.Id ?? "debian", name, version,
                    [("arch", architecture), ("distro", distro), ("upstream", sourceName is null ? null : sourceVersion == version ? sourceName : $"{sourceName}@{sourceVersion}")]),
            };
        }
    }

    /// <summary>"Source: openssl" or "Source: gcc-12 (12.2.0-14)"; null when the source is the package itself.</summary>
    private static (string? Name, string? Version) Source(string? field, string version)
    {
        if (string.IsNullOrWhiteSpace(field)) return (null, null);
        var open = field.IndexOf('(');
        return open < 0
            ? (field.Trim(), version)
            : (field[..open].Trim(), field[(open + 1)..].TrimEnd(')', ' '));
    }
}
