using Slipway.Containers.Scanning.Inventory;
using Slipway.Containers.Scanning.Inventory.Layers;
using Slipway.Containers.Tests.Scanning.Support;

namespace Slipway.Containers.Tests.Scanning.Inventory;

public class ImageArchiveTests
{
    private const string OsRelease = "ID=debian\nVERSION_ID=\"12\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n";

    private static string Status(params (string Name, string Version)[] packages) =>
        string.Join("\n", packages.Select(p => $"Package: {p.Name}\nStatus: install ok installed\nArchitecture: amd64\nVersion: {p.Version}\nDescription: x\n continued\n"));

    [Fact]
    public async Task Reads_every_platform_of_a_multi_platform_export_in_one_pass()
    {
        var layout = new Layers.Layout();
        var amd64 = layout.AddPlatform("linux", "amd64",
            Layers.Gzip(Layers.Tar(("etc/os-release", "-> ../usr/lib/os-release"), ("usr/lib/os-release", OsRelease), ("var/lib/dpkg/status", Status(("libc6", "2.36-9+deb12u4"), ("zlib1g", "1:1.2.13.dfsg-1")))))
            , Layers.Zstd(Layers.Tar(("app/Api.deps.json", """{ "libraries": { "Api/1.0.0": { "type": "project" }, "Npgsql/10.0.3": { "type": "package" } } }"""))));
        var arm64 = layout.AddPlatform("linux", "arm64",
            Layers.Tar(("usr/lib/os-release", OsRelease), ("var/lib/dpkg/status", Status(("libc6", "2.36-9+deb12u4")))));
        layout.AddAttestation(amd64);

        var archive = await ImageArchive.ReadAsync(new MemoryStream(layout.Export()), default);

        var platforms = archive.Platforms();
        Assert.Equal([("linux/amd64", amd64), ("linux/arm64", arm64)], platforms.Select(p => (p.Platform, p.ManifestDigest)));
        var (os, packages) = ImageInventory.Catalog(archive.Files(platforms[0]));
        Assert.Equal("debian", os?.Id);
        Assert.Equal(["pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12", "pkg:deb/debian/zlib1g@1%3A1.2.13.dfsg-1?arch=amd64&distro=debian-12", "pkg:nuget/Npgsql@10.0.3"],
            packages.Select(p => p.Purl).Order(StringComparer.Ordinal));
        Assert.Single(ImageInventory.Catalog(archive.Files(platforms[1])).Packages);
        Assert.True(archive.LayerBytes > 0);
    }

    [Fact]
    public async Task Later_layers_win_and_whiteouts_delete()
    {
        var layout = new Layers.Layout();
        var manifest = layout.AddPlatform("linux", "amd64",
            Layers.Tar(("var/lib/dpkg/status", Status(("old", "1.0"))), ("app/a/A.deps.json", """{ "libraries": { "A/1.0.0": { "type": "package" } } }"""),
                ("app/b/B.deps.json", """{ "libraries": { "B/1.0.0": { "type": "package" } } }"""), ("srv/node_modules/left/package.json", """{ "name": "left", "version": "1.0.0" }""")),
            Layers.Tar(("var/lib/dpkg/status", Status(("new", "2.0"))), ("app/a/.wh.A.deps.json", ""), ("app/b/.wh..wh..opq", ""),
                ("app/b/C.deps.json", """{ "libraries": { "C/1.0.0": { "type": "package" } } }"""), ("srv/.wh.node_modules", "")));

        var archive = await ImageArchive.ReadAsync(new MemoryStream(layout.Export()), default);
        var (_, packages) = ImageInventory.Catalog(archive.Files(archive.Manifest(manifest, "linux/amd64")));

        Assert.Equal(["C", "new"], packages.Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Java_archives_are_kept_as_their_metadata_only()
    {
        var jar = Jars.Archive(
            ("META-INF/maven/com.acme/shop/pom.properties", Jars.PomProperties("com.acme", "shop", "1.0.0")),
            ("BOOT-INF/lib/snakeyaml-1.33.jar", Jars.Library("org.yaml", "snakeyaml", "1.33")),
            ("BOOT-INF/classes/static/bundle.js", new string('x', 500_000)));
        var layout = new Layers.Layout();
        var manifest = layout.AddPlatform("linux", "amd64", Layers.Gzip(Layers.Tar(("app/shop.jar", jar))));

        var archive = await ImageArchive.ReadAsync(new MemoryStream(layout.Export()), default);
        var files = archive.Files(archive.Manifest(manifest, "linux/amd64"));

        Assert.True(files.Files["app/shop.jar"].Length < 2000, $"{files.Files["app/shop.jar"].Length} bytes kept of a {jar.Length}-byte jar");
        Assert.Equal(["pkg:maven/com.acme/shop@1.0.0", "pkg:maven/org.yaml/snakeyaml@1.33"], ImageInventory.Catalog(files).Packages.Select(p => p.Purl));
    }

    [Fact]
    public async Task A_manifest_missing_from_the_export_is_an_error_naming_it()
    {
        var layout = new Layers.Layout();
        layout.AddPlatform("linux", "amd64", Layers.Tar(("etc/hostname", "x")));
        var archive = await ImageArchive.ReadAsync(new MemoryStream(layout.Export()), default);
        var error = Assert.Throws<InvalidDataException>(() => archive.Manifest("sha256:" + new string('0', 64), "linux/arm64"));
        Assert.Contains("linux/arm64", error.Message);
    }
}
