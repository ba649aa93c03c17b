using System.IO.Compression;
using System.Text;

namespace Slipway.IntegrationTests.Scanning;

/// <summary>A Spring Boot style executable jar written with System.IO.Compression: the application's classes and pom.properties, its libraries as jars in BOOT-INF/lib.</summary>
public static class FatJar
{
    public static byte[] Create(string groupId, string artifactId, string version, params (string GroupId, string ArtifactId, string Version)[] libraries) =>
        Zip([
            ("META-INF/MANIFEST.MF", Text("Manifest-Version: 1.0\r\nMain-Class: org.springframework.boot.loader.launch.JarLauncher\r\nStart-Class: com.acme.shop.Application\r\nSpring-Boot-Lib: BOOT-INF/lib/\r\n\r\n")),
            .. Maven(groupId, artifactId, version),
            ("BOOT-INF/classes/com/acme/shop/Application.class", new byte[4096]),
            .. libraries.Select(l => ($"BOOT-INF/lib/{l.ArtifactId}-{l.Version}.jar", Library(l.GroupId, l.ArtifactId, l.Version))),
        ]);

    /// <summary>A library jar as Maven builds it.</summary>
    private static byte[] Library(string groupId, string artifactId, string version) =>
        Zip([
            ("META-INF/MANIFEST.MF", Text("Manifest-Version: 1.0\r\nCreated-By: Maven JAR Plugin 3.3.0\r\n\r\n")),
            .. Maven(groupId, artifactId, version),
            ($"{groupId.Replace('.', '/')}/{artifactId.Replace('-', '_')}/Library.class", new byte[2048]),
        ]);

    private static IEnumerable<(string, byte[])> Maven(string groupId, string artifactId, string version) =>
    [
        ($"META-INF/maven/{groupId}/{artifactId}/pom.properties", Text($"#Created by Apache Maven 3.9.6\nartifactId={artifactId}\ngroupId={groupId}\nversion={version}\n")),
        ($"META-INF/maven/{groupId}/{artifactId}/pom.xml", Text($"<project><groupId>{groupId}</groupId><artifactId>{artifactId}</artifactId><version>{version}</version></project>")),
    ];

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Zip(IEnumerable<(string Path, byte[] Content)> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (path, content) in entries)
            {
                // Spring Boot stores nested jars uncompressed.
                using var stream = zip.CreateEntry(path, path.EndsWith(".jar", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        return buffer.ToArray();
    }
}
