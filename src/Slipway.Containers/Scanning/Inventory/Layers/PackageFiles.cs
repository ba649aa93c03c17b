using Slipway.Containers.Scanning.Inventory.Catalogers.Java;

namespace Slipway.Containers.Scanning.Inventory.Layers;

/// <summary>
/// Which files of an image's filesystem say what is installed: only these are kept while the layers stream by,
/// so that inventorying an image costs one pass over its layers and little memory.
/// </summary>
public static class PackageFiles
{
    /// <summary>Files larger than this are not package metadata (a dpkg status of thousands of packages is a few MB).</summary>
    public const long MaxSize = 64L * 1024 * 1024;

    /// <summary>The largest file of the path's kind that is read: Java archives are stripped to their metadata as they are read.</summary>
    public static long MaxSizeOf(string path) => JavaArchive.IsArchive(path) ? JavaArchive.MaxSize : MaxSize;

    /// <summary>What is kept of a file of interest: Java archives without their classes and resources.</summary>
    public static byte[] Keep(string path, byte[] content) => JavaArchive.IsArchive(path) ? JavaArchive.Strip(path, content) : content;

    public static bool IsOfInterest(string path)
    {
        if (path is "var/lib/dpkg/status" or "lib/apk/db/installed" or "etc/alpine-release" or "etc/os-release" or "usr/lib/os-release") return true;
        if (path.StartsWith("var/lib/dpkg/status.d/", StringComparison.Ordinal)) return !path.EndsWith(".md5sums", StringComparison.Ordinal);
        var name = path[(path.LastIndexOf('/') + 1)..];
        if (name.EndsWith(".deps.json", StringComparison.Ordinal) || JavaArchive.IsArchive(name)) return true;
        if (name == "package-lock.json") return !path.Contains("node_modules/", StringComparison.Ordinal);
        if (name == "package.json") return IsInstalledNodeModule(path);
        if (name == "METADATA") return path.EndsWith(".dist-info/METADATA", StringComparison.Ordinal);
        if (name == "PKG-INFO") return path.EndsWith(".egg-info/PKG-INFO", StringComparison.Ordinal);
        return name.EndsWith(".egg-info", StringComparison.Ordinal);
    }

    /// <summary>node_modules/name/package.json or node_modules/@scope/name/package.json, at any depth.</summary>
    private static bool IsInstalledNodeModule(string path)
    {
        var parts = path.Split('/');
        var n = parts.Length;
        return (n >= 3 && parts[n - 3] == "node_modules" && !parts[n - 2].StartsWith('@'))
               || (n >= 4 && parts[n - 4] == "node_modules" && parts[n - 3].StartsWith('@'));
    }

    /// <summary>Tar entry names as layers write them ("./usr/x", "/usr/x", "usr/x/") in one form: "usr/x".</summary>
    public static string Normalize(string entryName)
    {
        var path = entryName.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal)) path = path[2..];
        return path.Trim('/');
    }
}
