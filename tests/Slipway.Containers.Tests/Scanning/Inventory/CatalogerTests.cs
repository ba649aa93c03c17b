using Slipway.Containers.Scanning.Inventory;
using Slipway.Containers.Scanning.Inventory.Catalogers.Java;
using Slipway.Containers.Scanning.Inventory.Layers;
using Slipway.Containers.Tests.Scanning.Support;

namespace Slipway.Containers.Tests.Scanning.Inventory;

public class CatalogerTests
{
    private static IReadOnlyList<Package> Catalog(params (string Path, string Content)[] files) =>
        Catalog(files.Select(f => (f.Path, System.Text.Encoding.UTF8.GetBytes(f.Content))).ToArray());

    private static IReadOnlyList<Package> Catalog(params (string Path, byte[] Content)[] files)
    {
        var layer = new LayerChanges();
        foreach (var (path, content) in files) layer.Files[path] = content;
        return ImageInventory.Catalog(ImageFiles.Merge([layer])).Packages;
    }

    [Fact]
    public void Dpkg_lists_installed_packages_with_their_source()
    {
        var packages = Catalog(("etc/os-release", "ID=debian\nVERSION_ID=\"12\""), ("var/lib/dpkg/status", """
            Package: libssl3
            Status: install ok installed
            Architecture: amd64
            Source: openssl
            Version: 3.0.11-1~deb12u2
            Description: Secure Sockets Layer toolkit
             multi-line description

            Package: libgcc-s1
            Status: install ok installed
            Architecture: amd64
            Source: gcc-12 (12.2.0-14)
            Version: 12.2.0-14

            Package: removed-but-configured
            Status: deinstall ok config-files
            Architecture: amd64
            Version: 1.0
            """));

        Assert.Equal(2, packages.Count);
        var ssl = packages.Single(p => p.Name == "libssl3");
        Assert.Equal(("openssl", "3.0.11-1~deb12u2"), (ssl.SourceName, ssl.SourceVersion));
        Assert.Equal("pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl", ssl.Purl);
        var gcc = packages.Single(p => p.Name == "libgcc-s1");
        Assert.Equal(("gcc-12", "12.2.0-14"), (gcc.SourceName, gcc.SourceVersion));
    }

    [Fact]
    public void Distroless_status_d_has_one_file_per_package()
    {
        var packages = Catalog(
            ("var/lib/dpkg/status.d/base-files", "Package: base-files\nVersion: 12.4+deb12u5\nArchitecture: amd64\n"),
            ("var/lib/dpkg/status.d/tzdata", "Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\n"));
        Assert.Equal(["base-files", "tzdata"], packages.Select(p => p.Name));
        Assert.All(packages, p => Assert.StartsWith("var/lib/dpkg/status.d/", p.Location));
    }

    private const string ApkDatabase = """
        C:Q1abc=
        P:musl
        V:1.2.4_git20230717-r4
        A:x86_64
        L:MIT
        o:musl

        P:libcrypto3
        V:3.1.4-r5
        A:x86_64
        o:openssl
        """;

    [Fact]
    public void Apk_database_with_origins_and_the_branch_of_alpine_release()
    {
        var packages = Catalog(("etc/alpine-release", "3.19.1\n"), ("lib/apk/db/installed", ApkDatabase));
        Assert.Equal(["pkg:apk/alpine/libcrypto3@3.1.4-r5?arch=x86_64&distro=alpine-3.19.1&upstream=openssl", "pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64&distro=alpine-3.19.1"],
            packages.Select(p => p.Purl));
        Assert.Equal(("openssl", "3.1.4-r5"), (packages[0].SourceName, packages[0].SourceVersion));
        Assert.Null(packages[1].SourceName); // its own origin
        Assert.All(packages, p => Assert.Equal("3.19", p.Release));
        Assert.Equal(["MIT"], packages[1].Licenses);
    }

    [Fact]
    public void Apk_branch_from_os_release_when_there_is_no_alpine_release()
    {
        var packages = Catalog(("etc/os-release", "ID=alpine\nVERSION_ID=3.18.6"), ("lib/apk/db/installed", ApkDatabase));
        Assert.All(packages, p => Assert.Equal("3.18", p.Release));
        Assert.Contains("distro=alpine-3.18.6", packages[0].Purl);
    }

    [Fact]
    public void Spring_boot_jar_its_nested_libraries_and_a_war_with_web_inf_lib()
    {
        var bootJar = Jars.Archive(
            ("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nMain-Class: org.springframework.boot.loader.launch.JarLauncher\r\nStart-Class: com.acme.\r\n Shop\r\n\r\n"),
            ("META-INF/maven/com.acme/shop/pom.properties", Jars.PomProperties("com.acme", "shop", "1.0.0")),
            ("BOOT-INF/classes/com/acme/Shop.class", "x"),
            ("BOOT-INF/lib/log4j-core-2.15.0-rc1.jar", Jars.Library("org.apache.logging.log4j", "log4j-core", "2.15.0-rc1")),
            ("BOOT-INF/lib/commons-text-1.9.jar", Jars.Library("org.apache.commons", "commons-text", "1.9")),
            // No pom.properties: named by its manifest and file name.
            ("BOOT-INF/lib/legacy-util-2.1.jar", Jars.Archive(("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nImplementation-Version: 2.1\nImplementation-Vendor-Id: com.legacy\n"))));
        var war = Jars.Archive(("WEB-INF/lib/snakeyaml-1.33.jar", Jars.Library("org.yaml", "snakeyaml", "1.33")), ("index.html", "<html/>"));

        var packages = Catalog(("app/shop.jar", bootJar), ("srv/tomcat/webapps/store.war", war));

        Assert.Equal(
            [
                ("com.acme:shop", "1.0.0", "app/shop.jar"),
                ("com.legacy:legacy-util", "2.1", "app/shop.jar!/BOOT-INF/lib/legacy-util-2.1.jar"),
                ("org.apache.commons:commons-text", "1.9", "app/shop.jar!/BOOT-INF/lib/commons-text-1.9.jar"),
                ("org.apache.logging.log4j:log4j-core", "2.15.0-rc1", "app/shop.jar!/BOOT-INF/lib/log4j-core-2.15.0-rc1.jar"),
                ("org.yaml:snakeyaml", "1.33", "srv/tomcat/webapps/store.war!/WEB-INF/lib/snakeyaml-1.33.jar"),
            ],
            packages.Select(p => (p.Name, p.Version, p.Location)));
        Assert.All(packages, p => Assert.Equal(Ecosystems.Maven, p.Ecosystem));
        Assert.Equal("pkg:maven/org.apache.logging.log4j/log4j-core@2.15.0-rc1", packages.Single(p => p.Name.EndsWith(":log4j-core", StringComparison.Ordinal)).Purl);
    }

    [Fact]
    public void A_jar_without_maven_metadata_or_manifest_version_is_named_by_its_file()
    {
        var packages = Catalog(("opt/lib/guava-31.1-jre.jar", Jars.Archive(("com/google/common/Base.class", "x"))), ("opt/lib/unversioned.jar", Jars.Archive(("A.class", "x"))));
        var guava = Assert.Single(packages);
        Assert.Equal(("guava", "31.1-jre", "pkg:maven/guava@31.1-jre"), (guava.Name, guava.Version, guava.Purl));
    }

    [Fact]
    public void Stripped_archives_keep_what_the_cataloger_reads_and_nothing_else()
    {
        var jar = Jars.Archive(
            ("META-INF/maven/com.acme/shop/pom.properties", Jars.PomProperties("com.acme", "shop", "1.0.0")),
            ("BOOT-INF/classes/big.bin", new string('x', 200_000)),
            ("BOOT-INF/lib/log4j-core-2.15.0-rc1.jar", Jars.Library("org.apache.logging.log4j", "log4j-core", "2.15.0-rc1")));

        var stripped = JavaArchive.Strip("app/shop.jar", jar);

        Assert.True(stripped.Length < 2000, $"{stripped.Length} bytes kept of {jar.Length}");
        Assert.Equal(Catalog(("app/shop.jar", jar)).Select(p => p.Purl), Catalog(("app/shop.jar", stripped)).Select(p => p.Purl));
        Assert.Equal(2, Catalog(("app/shop.jar", stripped)).Count);
    }

    [Fact]
    public void Dotnet_deps_json_packages_and_runtime_packs_not_projects()
    {
        var packages = Catalog(("app/Stack.Api.deps.json", """
            {
              "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0/linux-x64" },
              "libraries": {
                "Stack.Api/1.0.0": { "type": "project", "serviceable": false },
                "runtimepack.Microsoft.NETCore.App.Runtime.linux-x64/10.0.12": { "type": "runtimepack" },
                "Npgsql/10.0.3": { "type": "package", "serviceable": true },
                "Stack.Shared/1.0.0": { "type": "project" }
              }
            }
            """));
        Assert.Equal(["pkg:nuget/Microsoft.NETCore.App.Runtime.linux-x64@10.0.12", "pkg:nuget/Npgsql@10.0.3"], packages.Select(p => p.Purl));
    }

    [Fact]
    public void Npm_installed_modules_and_lock_files_without_dev_dependencies()
    {
        var packages = Catalog(
            ("srv/app/node_modules/express/package.json", """{ "name": "express", "version": "4.19.2", "license": "MIT" }"""),
            ("srv/app/node_modules/@babel/core/package.json", """{ "name": "@babel/core", "version": "7.24.0" }"""),
            ("srv/app/package-lock.json", """
                { "lockfileVersion": 3, "packages": {
                    "": { "name": "app" },
                    "node_modules/express": { "version": "4.19.2" },
                    "node_modules/a/node_modules/ms": { "version": "2.0.0" },
                    "node_modules/vitest": { "version": "1.0.0", "dev": true } } }
                """),
            ("srv/old/package-lock.json", """{ "lockfileVersion": 1, "dependencies": { "left-pad": { "version": "1.3.0", "dependencies": { "nested": { "version": "0.1.0" } } } } }"""));

        Assert.Equal(["pkg:npm/%40babel/core@7.24.0", "pkg:npm/express@4.19.2", "pkg:npm/left-pad@1.3.0", "pkg:npm/ms@2.0.0", "pkg:npm/nested@0.1.0"],
            packages.Select(p => p.Purl).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Python_dist_info_and_egg_info()
    {
        var packages = Catalog(
            ("usr/lib/python3/dist-packages/Requests-2.31.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: Requests\nVersion: 2.31.0\nLicense: Apache 2.0\n\nLong description: Name: not-this\n"),
            ("usr/lib/python3/dist-packages/six-1.16.0.egg-info", "Metadata-Version: 1.2\nName: six\nVersion: 1.16.0\n"));
        Assert.Equal(["pkg:pypi/requests@2.31.0", "pkg:pypi/six@1.16.0"], packages.Select(p => p.Purl));
    }

    [Theory]
    [InlineData("app/X.deps.json", "{ not json")]
    [InlineData("app/lib/broken.jar", "PK not a zip")]
    public void Invalid_metadata_names_the_file(string path, string content)
    {
        var error = Assert.Throws<InvalidDataException>(() => Catalog((path, content)));
        Assert.Contains(path, error.Message);
    }
}
