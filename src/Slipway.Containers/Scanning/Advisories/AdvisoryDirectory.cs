using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.Containers.Scanning.Advisories;

/// <summary>
/// Reads a directory of OSV advisories, the mirror an air-gapped team keeps: every *.json under it, each one advisory,
/// an array of them, or an OSV API answer ({"vulns": […]}).
/// </summary>
public static class AdvisoryDirectory
{
    public static IReadOnlyList<OsvAdvisory> Load(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Advisory directory {directory} does not exist; expected a directory of OSV JSON files.");
        var advisories = new List<OsvAdvisory>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            advisories.AddRange(LoadFile(file));
        return advisories;
    }

    public static IEnumerable<OsvAdvisory> LoadFile(string file)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(file), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file}: not valid JSON ({e.Message}); expected an OSV advisory.", e);
        }
        var items = root switch
        {
            JsonArray array => array.ToList(),
            JsonObject o when o["vulns"] is JsonArray vulns => vulns.ToList(),
            JsonObject o => [o],
            _ => throw new InvalidDataException($"{file}: expected an OSV advisory object, an array of them, or {{\"vulns\": [...]}}."),
        };
        return items.Select((item, i) => Read(item, file, items.Count > 1 ? $"[{i}]" : "")).ToList();
    }

    private static OsvAdvisory Read(JsonNode? item, string file, string position)
    {
        if (item is not JsonObject advisory || advisory["id"] is not JsonValue)
            throw new InvalidDataException($"{file}{position}: field 'id' is missing; expected an OSV advisory with an id.");
        var id = advisory["id"]!.ToString();
        foreach (var affected in advisory["affected"] as JsonArray ?? [])
        {
            if (affected?["package"]?["ecosystem"] is null || affected["package"]?["name"] is null)
                throw new InvalidDataException($"{file}{position} ({id}): an 'affected' entry lacks package.ecosystem or package.name.");
            foreach (var range in affected["ranges"] as JsonArray ?? [])
                if (range?["type"] is null || range["events"] is not JsonArray)
                    throw new InvalidDataException($"{file}{position} ({id}): a range of {affected["package"]!["name"]} lacks 'type' or 'events'.");
        }
        try
        {
            return advisory.Deserialize<OsvAdvisory>(OsvAdvisory.JsonOptions)!;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file}{position} ({id}): {e.Message} (at {e.Path}); expected the OSV schema.", e);
        }
    }
}
