using System.Text.Json.Nodes;

namespace Slipway.Containers.Building;

/// <summary>Reads buildx's --metadata-file: per bake target, the digest of what it built.</summary>
public static class BakeMetadata
{
    public static IReadOnlyDictionary<string, string> Digests(string metadataJson, IEnumerable<string> services)
    {
        var document = JsonNode.Parse(metadataJson) as JsonObject
                       ?? throw new InvalidDataException("buildx metadata file is not a JSON object.");
        return services.ToDictionary(s => s, s =>
            document[s]?["containerimage.digest"]?.GetValue<string>()
            ?? throw new InvalidDataException($"buildx metadata file has no containerimage.digest for '{s}'."));
    }
}
