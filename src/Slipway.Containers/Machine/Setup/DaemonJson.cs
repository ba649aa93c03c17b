using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.Containers.Machine.Setup;

/// <summary>/etc/docker/daemon.json, and the one setting Restore needs in it: <c>features.containerd-snapshotter</c>.</summary>
public static class DaemonJson
{
    public const string Path = "/etc/docker/daemon.json";

    public static bool EnablesContainerdSnapshotter(string? text) =>
        Load(text)["features"] is JsonObject features
        && features["containerd-snapshotter"] is JsonValue value
        && value.TryGetValue<bool>(out var enabled) && enabled;

    /// <summary>The file with the containerd image store turned on and every other setting kept.</summary>
    public static string WithContainerdSnapshotter(string? text)
    {
        var root = Load(text);
        if (root["features"] is not JsonObject features)
        {
            if (root["features"] is not null)
                throw new InvalidDataException($"{Path}: \"features\" is not an object; expected e.g. {{\"features\":{{\"containerd-snapshotter\":true}}}}.");
            root["features"] = features = new JsonObject();
        }
        features["containerd-snapshotter"] = true;
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonObject Load(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new JsonObject();
        try
        {
            return JsonNode.Parse(text) as JsonObject
                   ?? throw new InvalidDataException($"{Path}: expected a JSON object at the top level.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{Path} is not valid JSON ({e.Message}); fix or remove it and run Restore again.", e);
        }
    }
}
