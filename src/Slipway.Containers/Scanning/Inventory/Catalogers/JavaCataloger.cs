using System.Text.RegularExpressions;
using Slipway.Containers.Scanning.Inventory.Catalogers.Java;
using Slipway.Containers.Scanning.Inventory.Layers;

namespace Slipway.Containers.Scanning.Inventory.Catalogers;

/// <summary>
/// Maven packages in Java archives (jar, war, ear, and the archives nested in them): one per pom.properties an archive
/// carries; an archive without any is named by its manifest and file name. Located by the archive's path (outer!/inner).
/// </summary>
public static partial class JavaCataloger
{
    public static IEnumerable<Package> Read(ImageFiles files) =>
        files.Files.Where(f => JavaArchive.IsArchive(f.Key)).SelectMany(f => Packages(JavaArchive.Read(f.Key, f.Value)));

    private static IEnumerable<Package> Packages(JavaArchive archive)
    {
        var own = archive.PomProperties.Select(PomProperties.Parse)
            .Where(p => p is { GroupId: not null, ArtifactId: not null, Version: not null })
            .Select(p => Create(p.GroupId, p.ArtifactId!, p.Version!, archive.Location))
            .ToList();
        if (own.Count == 0 && FromManifest(archive) is { } described) own.Add(described);
        return own.Concat(archive.Nested.SelectMany(Packages));
    }

    /// <summary>
    /// An archive Maven did not build: the version from the manifest (Implementation-Version, Bundle-Version) or the
    /// file name (name-1.2.3.jar), the group from Implementation-Vendor-Id when given.
    /// </summary>
    private static Package? FromManifest(JavaArchive archive)
    {
        var attributes = archive.Manifest is { } manifest ? JarManifest.MainAttributes(manifest) : new Dictionary<string, string>();
        var fileName = Path.GetFileNameWithoutExtension(archive.Location[(archive.Location.LastIndexOf('/') + 1)..]);
        var version = attributes.GetValueOrDefault("Implementation-Version") ?? attributes.GetValueOrDefault("Bundle-Version");
        var named = NameAndVersion().Match(fileName);
        string artifact;
        if (version is not null)
            artifact = fileName.EndsWith("-" + version, StringComparison.Ordinal) ? fileName[..^(version.Length + 1)] : named.Success ? named.Groups["name"].Value : fileName;
        else if (named.Success)
            (artifact, version) = (named.Groups["name"].Value, named.Groups["version"].Value);
        else
            return null;
        return Create(attributes.GetValueOrDefault("Implementation-Vendor-Id"), artifact, version, archive.Location);
    }

    [GeneratedRegex(@"^(?<name>.+?)-(?<version>\d[\w.\-+]*)$")]
    private static partial Regex NameAndVersion();

    /// <summary>OSV names Maven packages groupId:artifactId.</summary>
    private static Package Create(string? groupId, string artifactId, string version, string location) => new()
    {
        Ecosystem = Ecosystems.Maven,
        Name = groupId is null ? artifactId : $"{groupId}:{artifactId}",
        Version = version,
        Location = location,
        Purl = Purl.Create("maven", groupId, artifactId, version),
    };
}
