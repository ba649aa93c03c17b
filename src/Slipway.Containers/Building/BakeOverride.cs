using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.Containers.Building;

/// <summary>Where buildx keeps its layer cache between builds.</summary>
public enum LayerCache
{
    /// <summary>A directory under .nuke/temp (the default on a developer's machine).</summary>
    Local,

    /// <summary>GitHub Actions' cache service (the default under GitHub Actions).</summary>
    Gha,

    /// <summary>A registry reference given by --build-cache-ref.</summary>
    Registry,

    None,
}

/// <summary>The settings BuildImages lays over the compose file's build sections.</summary>
public sealed record BakeSettings(
    string Repository,
    string Tag,
    IReadOnlyList<string> Platforms,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> BuildArgs,
    LayerCache Cache,
    string? CacheLocation,
    IReadOnlyList<string> Attestations)
{
    /// <summary>The local name the bake gives the service's image.</summary>
    public string Reference => $"{Repository}:{Tag}";
}

/// <summary>Writes the bake file that, laid over the compose file, sets tags, platforms, labels, args and cache per service.</summary>
public static class BakeOverride
{
    public static string Write(IReadOnlyDictionary<string, BakeSettings> services)
    {
        var targets = new JsonObject();
        foreach (var (service, settings) in services.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var target = new JsonObject
            {
                ["tags"] = new JsonArray((JsonNode)settings.Reference),
                ["platforms"] = new JsonArray(settings.Platforms.Select(p => (JsonNode)p).ToArray()),
                ["labels"] = new JsonObject(settings.Labels.OrderBy(l => l.Key).Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))),
            };
            if (settings.Attestations.Count > 0)
                target["attest"] = new JsonArray(settings.Attestations.Select(a => (JsonNode)a).ToArray());
            if (settings.BuildArgs.Count > 0)
                target["args"] = new JsonObject(settings.BuildArgs.OrderBy(a => a.Key).Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value)));
            if (Cache(service, settings) is var (from, to))
            {
                target["cache-from"] = new JsonArray((JsonNode)from);
                target["cache-to"] = new JsonArray((JsonNode)to);
            }

            targets[service] = target;
        }

        return new JsonObject { ["target"] = targets }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static (string From, string To)? Cache(string service, BakeSettings settings) => settings.Cache switch
    {
        LayerCache.Local => ($"type=local,src={settings.CacheLocation}/{service}", $"type=local,dest={settings.CacheLocation}/{service},mode=max"),
        LayerCache.Gha => ($"type=gha,scope={service}", $"type=gha,scope={service},mode=max"),
        LayerCache.Registry => ($"type=registry,ref={settings.CacheLocation}/{service}:buildcache", $"type=registry,ref={settings.CacheLocation}/{service}:buildcache,mode=max"),
        _ => null,
    };

    /// <summary>
    /// buildx's own attestations: SLSA provenance with everything the build records (mode=max), and with
    /// <paramref name="sbom"/> its SPDX SBOM, which needs the builder to pull docker/buildkit-syft-scanner.
    /// </summary>
    public static IReadOnlyList<string> Attestations(bool sbom) =>
        sbom ? ["type=provenance,mode=max", "type=sbom"] : ["type=provenance,mode=max"];

    /// <summary>The OCI labels of an image; <c>created</c> is the commit time so two builds of one commit label alike.</summary>
    public static IReadOnlyDictionary<string, string> OciLabels(string service, SourceRevision revision, string version)
    {
        var labels = new Dictionary<string, string>
        {
            ["org.opencontainers.image.title"] = service,
            ["org.opencontainers.image.revision"] = revision.Commit,
            ["org.opencontainers.image.version"] = version,
            ["org.opencontainers.image.created"] = revision.CommitTime.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
        };
        if (revision.SourceUrl is { } source) labels["org.opencontainers.image.source"] = source;
        return labels;
    }
}
