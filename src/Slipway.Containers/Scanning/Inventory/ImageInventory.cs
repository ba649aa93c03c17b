using Slipway.Containers.Images;
using Slipway.Containers.Scanning.Inventory.Catalogers;
using Slipway.Containers.Scanning.Inventory.Layers;

namespace Slipway.Containers.Scanning.Inventory;

/// <summary>What is installed in one platform image of a service.</summary>
public sealed record ImageInventory
{
    public required string Service { get; init; }
    public required string Reference { get; init; }
    public required string Repository { get; init; }

    /// <summary>The digest of the image index (or manifest) from images.json.</summary>
    public required string ImageDigest { get; init; }

    public required string Platform { get; init; }
    public required string ManifestDigest { get; init; }

    /// <summary>Compressed size of the layers, in bytes.</summary>
    public required long Size { get; init; }

    public OsRelease? Os { get; init; }
    public required IReadOnlyList<Package> Packages { get; init; }

    /// <summary>Lists the packages of a platform image's package files, each purl once (the first location wins).</summary>
    public static (OsRelease? Os, IReadOnlyList<Package> Packages) Catalog(ImageFiles files)
    {
        var os = OsRelease.TryParse(files.Text("etc/os-release") ?? files.Text("usr/lib/os-release"));
        var packages = DpkgCataloger.Read(files, os)
            .Concat(ApkCataloger.Read(files, os))
            .Concat(DotnetDepsCataloger.Read(files))
            .Concat(JavaCataloger.Read(files))
            .Concat(NpmCataloger.Read(files))
            .Concat(PythonCataloger.Read(files))
            .DistinctBy(p => p.Purl)
            .OrderBy(p => p.Ecosystem, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Version, StringComparer.Ordinal)
            .ToList();
        return (os, packages);
    }
}
