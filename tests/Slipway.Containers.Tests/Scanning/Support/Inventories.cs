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
        Release = "12",
        Location = "var/lib/dpkg/status",
        Purl = Purl.Create("deb", "debian", name, version, [("arch", "amd64"), ("distro", "debian-12")]),
    };

    /// <summary>A package of an Alpine image of the given branch (3.19 for Alpine:v3.19), built from its origin when one is given.</summary>
    public static Package Apk(string name, string version, string? origin = null, string branch = "3.19") => new()
    {
        Ecosystem = Ecosystems.Alpine,
        Name = name,
        Version = version,
        SourceName = origin,
        SourceVersion = origin is null ? null : version,
        Architecture = "x86_64",
        Release = branch,
        Location = "lib/apk/db/installed",
        Purl = Purl.Create("apk", "alpine", name, version, [("arch", "x86_64"), ("distro", $"alpine-{branch}.0"), ("upstream", origin)]),
    };

    /// <summary>A Maven package, named groupId:artifactId as OSV names it, in a Spring Boot application's jar.</summary>
    public static Package Maven(string groupId, string artifactId, string version) => new()
    {
        Ecosystem = Ecosystems.Maven,
        Name = $"{groupId}:{artifactId}",
        Version = version,
        Location = $"app/app.jar!/BOOT-INF/lib/{artifactId}-{version}.jar",
        Purl = Purl.Create("maven", groupId, artifactId, version),
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
