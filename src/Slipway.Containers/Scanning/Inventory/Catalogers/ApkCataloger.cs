using Slipway.Containers.Images;
using Slipway.Containers.Scanning.Inventory.Layers;

namespace Slipway.Containers.Scanning.Inventory.Catalogers;

/// <summary>Alpine packages from apk's database (lib/apk/db/installed): blocks of "K:value" lines.</summary>
public static class ApkCataloger
{
    public const string Database = "lib/apk/db/installed";

    public static IEnumerable<Package> Read(ImageFiles files, OsRelease? os)
    {
        if (files.Text(Database) is not { } text) yield break;
        foreach (var block in text.Replace("\r", "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = new Dictionary<char, string>();
            foreach (var line in block.Split('\n'))
                if (line.Length >= 2 && line[1] == ':') fields.TryAdd(line[0], line[2..]);
            if (!fields.TryGetValue('P', out var name) || !fields.TryGetValue('V', out var version)) continue;
            var origin = fields.GetValueOrDefault('o');
            yield return new Package
            {
                Ecosystem = Ecosystems.Alpine,
                Name = name,
                Version = version,
                Architecture = fields.GetValueOrDefault('A'),
                SourceName = origin == name ? null : origin,
                SourceVersion = origin is null || origin == name ? null : version,
                Licenses = fields.TryGetValue('L', out var license) ? [license] : [],
                Location = Database,
                Purl = Purl.Create("apk", os?.Id ?? "alpine", name, version,
                    [("arch", fields.GetValueOrDefault('A')), ("distro", os?.VersionId is { } v ? $"{os.Id}-{v}" : null)]),
            };
        }
    }
}
