using Slipway.Containers.Scanning.Inventory.Layers;

namespace Slipway.Containers.Scanning.Inventory.Catalogers;

/// <summary>Python distributions from their metadata: *.dist-info/METADATA, *.egg-info/PKG-INFO and single-file *.egg-info.</summary>
public static class PythonCataloger
{
    public static IEnumerable<Package> Read(ImageFiles files)
    {
        foreach (var (path, text) in files.Where(IsMetadata))
        {
            // Core metadata is email-header style: the headers end at the first blank line, the description follows.
            var headers = ControlParagraphs.Parse(text).FirstOrDefault();
            if (headers is null || !headers.TryGetValue("Name", out var name) || !headers.TryGetValue("Version", out var version)) continue;
            yield return new Package
            {
                Ecosystem = Ecosystems.PyPI,
                Name = name,
                Version = version,
                Location = path,
                Licenses = headers.TryGetValue("License", out var license) && license.Length is > 0 and < 200 ? [license] : [],
                Purl = Purl.Create("pypi", null, NormalizeName(name), version),
            };
        }
    }

    private static bool IsMetadata(string path) =>
        path.EndsWith(".dist-info/METADATA", StringComparison.Ordinal)
        || path.EndsWith(".egg-info/PKG-INFO", StringComparison.Ordinal)
        || path.EndsWith(".egg-info", StringComparison.Ordinal);

    /// <summary>PEP 503: lower case, runs of '-', '_' and '.' become one '-' (purl's pypi type asks for this too).</summary>
    public static string NormalizeName(string name) =>
        System.Text.RegularExpressions.Regex.Replace(name, "[-_.]+", "-").ToLowerInvariant();
}
