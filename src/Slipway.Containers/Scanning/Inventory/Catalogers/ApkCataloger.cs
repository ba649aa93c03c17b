using Slipway.Containers.Images;
using Slipway.Containers.Scanning.Inventory.Layers;

namespace Slipway.Containers.Scanning.Inventory.Catalogers;

/// <summary>
/// Alpine packages from apk's database (lib/apk/db/installed): blocks of "K:value" lines. Each carries its origin
/// (o:, the source package that Alpine's advisories name) and the image's Alpine branch.
/// </summary>
public static class ApkCataloger
{
    public const string Database = "lib/apk/db/installed";

    public static IEnumerable<Package> Read(ImageFiles files, OsRelease? os)
    {
        if (files.Text(Database) is not { } text) yield break;
        var alpine = AlpineRelease.Of(files, os);
        foreach (var block in text.Replace("\r", "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = new Dictionary<char, string>();
            foreach (var line in block.Split('\n'))
                if (line.Length >= 2 && line[1] == ':') fields.TryAdd(line[0], line[2..]);
            if (!fields.TryGetValue('P', out var name) || !fields.TryGetValue('V', out var version)) continue;
            var origin = fields.GetValueOrDefault('o') is { } o && o != name ? o : null;
            yield return new Package
            {
                Ecosystem = Ecosystems.Alpine,
                Name = name,
                Version = version,
                Architecture = fields.GetValueOrDefault('A'),
                SourceName = origin,
                SourceVersion = origin is null ? null : version,
                Release = alpine?.Branch,
                Licenses = fields.TryGetValue('L', out var license) ? [license] : [],
                Location = Database,
                Purl = Purl.Create("apk", os?.Id ?? "alpine", name, version,
                    [("arch", fields.GetValueOrDefault('A')), ("distro", alpine is null ? null : $"alpine-{alpine.Version}"), ("upstream", origin)]),
            };
        }
    }
}
