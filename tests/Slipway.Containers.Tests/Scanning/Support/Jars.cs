using System.IO.Compression;
using System.Text;

namespace Slipway.Containers.Tests.Scanning.Support;

/// <summary>Java archives as bytes, the way Maven and Spring Boot lay them out, written with System.IO.Compression.</summary>
internal static class Jars
{
    /// <summary>A zip of the entries: text content, or the bytes of a nested archive.</summary>
    public static byte[] Archive(params (string Path, object Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (path, content) in entries)
            {
                // Spring Boot stores nested jars uncompressed; classes and metadata are deflated.
                using var stream = zip.CreateEntry(path, content is byte[] ? CompressionLevel.NoCompression : CompressionLevel.Optimal).Open();
                stream.Write(content as byte[] ?? Encoding.UTF8.GetBytes((string)content));
            }
        return buffer.ToArray();
    }

    /// <summary>A library as Maven builds it: its pom.properties, a manifest and a class.</summary>
    public static byte[] Library(string groupId, string artifactId, string version) => Archive(
        ("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nCreated-By: Maven JAR Plugin 3.3.0\r\n\r\n"),
        ($"META-INF/maven/{groupId}/{artifactId}/pom.properties", PomProperties(groupId, artifactId, version)),
        ($"META-INF/maven/{groupId}/{artifactId}/pom.xml", $"<project><groupId>{groupId}</groupId></project>"),
        ($"{groupId.Replace('.', '/')}/Main.class", new string('x', 2048)));

    public static string PomProperties(string groupId, string artifactId, string version) =>
        $"#Created by Apache Maven 3.9.6\nartifactId={artifactId}\ngroupId={groupId}\nversion={version}\n";
}
