using System.Text.Json;
using Slipway.Containers.Scanning.Inventory.Layers;

namespace Slipway.Containers.Scanning.Inventory.Catalogers;

/// <summary>npm packages: installed ones from node_modules/**/package.json, and those package-lock.json files pin (dev dependencies left out).</summary>
public static class NpmCataloger
{
    public static IEnumerable<Package> Read(ImageFiles files)
    {
        foreach (var (path, text) in files.Where(p => p.EndsWith("/package.json", StringComparison.Ordinal) && p.Contains("node_modules/", StringComparison.Ordinal)))
        {
            using var document = Parse(path, text);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && Text(root, "name") is { } name && Text(root, "version") is { } version)
                yield return Create(name, version, path, License(root));
        }

        foreach (var (path, text) in files.Where(p => p == "package-lock.json" || p.EndsWith("/package-lock.json", StringComparison.Ordinal)))
        {
            using var document = Parse(path, text);
            var root = document.RootElement;
            if (root.TryGetProperty("packages", out var packages) && packages.ValueKind == JsonValueKind.Object)
            {
                // lockfileVersion 2 and 3: "node_modules/a/node_modules/@s/b": { "version": … }; "" is the project itself.
                foreach (var entry in packages.EnumerateObject())
                {
                    var at = entry.Name.LastIndexOf("node_modules/", StringComparison.Ordinal);
                    if (at < 0 || IsDevOrLink(entry.Value) || Text(entry.Value, "version") is not { } version) continue;
                    yield return Create(Text(entry.Value, "name") ?? entry.Name[(at + "node_modules/".Length)..], version, path, License(entry.Value));
                }
            }
            else if (root.TryGetProperty("dependencies", out var dependencies))
            {
                foreach (var package in LockV1(dependencies, path)) yield return package;
            }
        }
    }

    /// <summary>lockfileVersion 1: nested "dependencies": { "name": { "version", "dependencies" } }.</summary>
    private static IEnumerable<Package> LockV1(JsonElement dependencies, string path)
    {
        if (dependencies.ValueKind != JsonValueKind.Object) yield break;
        foreach (var entry in dependencies.EnumerateObject())
        {
            if (IsDevOrLink(entry.Value)) continue;
            if (Text(entry.Value, "version") is { } version) yield return Create(entry.Name, version, path, null);
            if (entry.Value.TryGetProperty("dependencies", out var nested))
                foreach (var package in LockV1(nested, path)) yield return package;
        }
    }

    private static bool IsDevOrLink(JsonElement entry) =>
        entry.ValueKind != JsonValueKind.Object
        || (entry.TryGetProperty("dev", out var dev) && dev.ValueKind == JsonValueKind.True)
        || (entry.TryGetProperty("link", out var link) && link.ValueKind == JsonValueKind.True);

    private static Package Create(string name, string version, string path, string? license)
    {
        var slash = name.StartsWith('@') ? name.IndexOf('/') : -1;
        return new Package
        {
            Ecosystem = Ecosystems.Npm,
            Name = name,
            Version = version,
            Location = path,
            Licenses = license is null ? [] : [license],
            Purl = slash > 0 ? Purl.Create("npm", name[..slash], name[(slash + 1)..], version) : Purl.Create("npm", null, name, version),
        };
    }

    private static JsonDocument Parse(string path, string text)
    {
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} in the image: not valid JSON ({e.Message}); expected an npm package.json or package-lock.json.", e);
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? License(JsonElement element) => Text(element, "license");
}
