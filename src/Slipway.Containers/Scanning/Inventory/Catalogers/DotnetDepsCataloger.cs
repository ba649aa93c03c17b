using System.Text.Json;
using Slipway.Containers.Scanning.Inventory.Layers;

namespace Slipway.Containers.Scanning.Inventory.Catalogers;

/// <summary>
/// NuGet packages that .NET applications run with, from their *.deps.json ("libraries": "Name/Version" of type
/// package; a self-contained app's runtime packs too, since runtime advisories name them).
/// </summary>
public static class DotnetDepsCataloger
{
    private const string RuntimePackPrefix = "runtimepack.";

    public static IEnumerable<Package> Read(ImageFiles files)
    {
        foreach (var (path, text) in files.Where(p => p.EndsWith(".deps.json", StringComparison.Ordinal)))
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path} in the image: not valid JSON ({e.Message}); expected a .NET deps.json file.", e);
            }
            using (document)
            {
                if (!document.RootElement.TryGetProperty("libraries", out var libraries) || libraries.ValueKind != JsonValueKind.Object) continue;
                foreach (var library in libraries.EnumerateObject())
                {
                    var type = library.Value.TryGetProperty("type", out var t) ? t.GetString() : null;
                    if (type is not ("package" or "runtimepack")) continue;
                    var slash = library.Name.LastIndexOf('/');
                    if (slash <= 0) continue;
                    var name = library.Name[..slash];
                    if (type == "runtimepack" && name.StartsWith(RuntimePackPrefix, StringComparison.Ordinal)) name = name[RuntimePackPrefix.Length..];
                    var version = library.Name[(slash + 1)..];
                    yield return new Package
                    {
                        Ecosystem = Ecosystems.NuGet,
                        Name = name,
                        Version = version,
                        Location = path,
                        Purl = Purl.Create("nuget", null, name, version),
                    };
                }
            }
        }
    }
}
