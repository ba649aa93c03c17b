using Slipway.Containers.Images;
using Slipway.Containers.Scanning.Inventory;

namespace Slipway.Containers.Tests.Scanning.Support;

/// <summary>Inventories and packages as the catalogers would produce them, for matcher and report tests.</summary>
internal static class Inventories
{
    public static Package Deb(string name, string version, string? source = null, string? sourceVersion = null) => new()
    {
        Ecosystem = Ecosystems.Debian,
        Name = name,
        Version = version,
        SourceName = source,
        SourceVersion = source is null ? null : sourceVersion ?? version,
        Architecture = "amd64",
        Location = "var/lib/dpkg/status",
        Purl = Purl.Create("deb", "debian", name, version, [("arch", "amd64"), ("distro", "debian-12")]),
    };

    public static Package NuGet(string name, string version) => new()
    {
        Ecosystem = Ecosystems.NuGet, Name = name, Version = version, Location = "app/App.deps.json", Purl = Purl.Create("nuget", null, name, version),
    };

    public static Package Npm(string name, string version) => new()
    {
        Ecosystem = Ecosystems.Npm, Name = name, Version = version, Location = $"app/node_modules/{name}/package.json", Purl = Purl.Create("npm", null, name, version),
    };

    public static Package PyPI(string name, string version) => new()
    {
        Ecosystem = Ecosystems.PyPI, Name = name, Version = version, Location = $"usr/lib/python3/site-packages/{name}-{version}.dist-info/METADATA", Purl = Purl.Create("pypi", null, name.ToLowerInvariant(), version),
    };

    public static ImageInventory Image(string service, params Package[] packages) => new()
    {
        Service = service,
        Reference = $"acme/{service}:sha-1234567",
        Repository = $"acme/{service}",
        ImageDigest = "sha256:" + new string('a', 64),
        Platform = "linux/amd64",
        ManifestDigest = "sha256:" + new string('b', 64),
        Size = 1000,
        Os = new OsRelease("debian", [], "12", "bookworm", "Debian GNU/Linux 12 (bookworm)"),
        Packages = packages,
    };
}
