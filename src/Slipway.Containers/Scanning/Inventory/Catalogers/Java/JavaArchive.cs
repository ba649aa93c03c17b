using System.IO.Compression;
using System.Text;

namespace Slipway.Containers.Scanning.Inventory.Catalogers.Java;

/// <summary>
/// A Java archive (jar, war, ear) as far as cataloging needs it: its Maven metadata (META-INF/maven/g/a/pom.properties),
/// its manifest, and the archives nested in it (Spring Boot's BOOT-INF/lib, a war's WEB-INF/lib, an ear's modules),
/// each located as outer!/inner.
/// </summary>
public sealed record JavaArchive(string Location, IReadOnlyList<string> PomProperties, string? Manifest, IReadOnlyList<JavaArchive> Nested)
{
    /// <summary>Archives larger than this are refused rather than read into memory.</summary>
    public const long MaxSize = 1L << 30;

    private const string ManifestPath = "META-INF/MANIFEST.MF";

    /// <summary>An ear's war's library is three levels deep; deeper nesting is not followed.</summary>
    private const int MaxDepth = 4;

    public static bool IsArchive(string path) =>
        path.EndsWith(".jar", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".war", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".ear", StringComparison.OrdinalIgnoreCase);

    public static JavaArchive Read(string location, byte[] content)
    {
        using var zip = Open(location, content);
        return Read(location, zip, 0);
    }

    /// <summary>
    /// The archive with only what <see cref="Read(string, byte[])"/> looks at: its metadata files, and its nested
    /// archives stripped in turn. A layer's jars are kept this way while the layer streams by, in kilobytes.
    /// </summary>
    public static byte[] Strip(string location, byte[] content)
    {
        using var zip = Open(location, content);
        return Strip(location, zip, 0);
    }

    private static JavaArchive Read(string location, ZipArchive zip, int depth)
    {
        var pomProperties = new List<string>();
        string? manifest = null;
        var nested = new List<JavaArchive>();
        foreach (var (entry, kind) in Entries(zip, depth))
        {
            switch (kind)
            {
                case EntryKind.PomProperties:
                    pomProperties.Add(Encoding.UTF8.GetString(Bytes(location, entry)));
                    break;
                case EntryKind.Manifest:
                    manifest = Encoding.UTF8.GetString(Bytes(location, entry));
                    break;
                default:
                    var inner = $"{location}!/{entry.FullName}";
                    using (var nestedZip = Open(inner, Bytes(location, entry)))
                        nested.Add(Read(inner, nestedZip, depth + 1));
                    break;
            }
        }
        return new JavaArchive(location, pomProperties, manifest, nested);
    }

    private static byte[] Strip(string location, ZipArchive zip, int depth)
    {
        using var output = new MemoryStream();
        using (var stripped = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (entry, kind) in Entries(zip, depth))
            {
                var inner = $"{location}!/{entry.FullName}";
                byte[] content;
                if (kind == EntryKind.Archive)
                {
                    using var nestedZip = Open(inner, Bytes(location, entry));
                    content = Strip(inner, nestedZip, depth + 1);
                }
                else
                {
                    content = Bytes(location, entry);
                }
                using var target = stripped.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                target.Write(content);
            }
        }
        return output.ToArray();
    }

    private enum EntryKind
    {
        PomProperties,
        Manifest,
        Archive,
    }

    private static IEnumerable<(ZipArchiveEntry Entry, EntryKind Kind)> Entries(ZipArchive zip, int depth)
    {
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName;
            if (IsPomProperties(name)) yield return (entry, EntryKind.PomProperties);
            else if (name.Equals(ManifestPath, StringComparison.OrdinalIgnoreCase)) yield return (entry, EntryKind.Manifest);
            else if (IsArchive(name) && depth < MaxDepth) yield return (entry, EntryKind.Archive);
        }
    }

    /// <summary>META-INF/maven/{groupId}/{artifactId}/pom.properties, which Maven writes into every archive it builds.</summary>
    private static bool IsPomProperties(string name) =>
        name.StartsWith("META-INF/maven/", StringComparison.Ordinal) && name.EndsWith("/pom.properties", StringComparison.Ordinal) && name.Count(c => c == '/') == 4;

    private static ZipArchive Open(string location, byte[] content)
    {
        try
        {
            return new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{location} in the image: not a readable Java archive ({e.Message}).", e);
        }
    }

    private static byte[] Bytes(string location, ZipArchiveEntry entry)
    {
        if (entry.Length > MaxSize)
            throw new InvalidDataException($"{location} in the image: {entry.FullName} is {entry.Length} bytes, more than the {MaxSize} that are read of a Java archive.");
        try
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream((int)entry.Length);
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{location} in the image: {entry.FullName} cannot be read ({e.Message}).", e);
        }
    }
}
