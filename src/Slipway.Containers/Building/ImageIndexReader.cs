using System.Text.Json.Nodes;
using Slipway.Build.Processes;
using Slipway.Containers.Images;

namespace Slipway.Containers.Building;

/// <summary>
/// Reads an image's index and per-platform manifests from the engine's containerd content store with <c>ctr</c>:
/// the Docker API of engine 26 does not expose them, and exporting whole images just to read a few KB is slow.
/// </summary>
public sealed class ImageIndexReader(ProcessRunner processes)
{
    public async Task<IReadOnlyList<PlatformManifest>> ManifestsAsync(string digest, CancellationToken cancellationToken)
    {
        var top = await ReadAsync(digest, cancellationToken);
        var mediaType = top["mediaType"]?.GetValue<string>() ?? "";
        if (!mediaType.Contains("index", StringComparison.Ordinal) && !mediaType.Contains("manifest.list", StringComparison.Ordinal))
            throw new InvalidDataException($"{digest} is a single manifest, not an index; BuildImages builds every image as an index.");

        var manifests = new List<PlatformManifest>();
        foreach (var entry in IndexParsing.PlatformEntries(top))
        {
            var manifest = await ReadAsync(entry.Digest, cancellationToken);
            manifests.Add(new PlatformManifest { Platform = entry.Platform, Digest = entry.Digest, Size = IndexParsing.ContentSize(manifest) });
        }

        return manifests;
    }

    private async Task<JsonObject> ReadAsync(string digest, CancellationToken cancellationToken)
    {
        var socket = ContainerdSocket.Require();
        var result = await processes.RunAsync("ctr", ["--address", socket.Path, "--namespace", ContainerdSocket.EngineNamespace, "content", "get", digest],
            new ProcessOptions { Quiet = true }, cancellationToken);
        return JsonNode.Parse(result.StandardOutput) as JsonObject ?? throw new InvalidDataException($"{digest} is not a JSON manifest.");
    }
}

/// <summary>The pure part: which entries of an index are platform images, and how large a manifest's content is.</summary>
public static class IndexParsing
{
    public sealed record Entry(string Platform, string Digest);

    /// <summary>Platform manifests of an index, without the attestation manifests buildx adds (platform unknown/unknown).</summary>
    public static IReadOnlyList<Entry> PlatformEntries(JsonObject index) =>
        (index["manifests"] as JsonArray ?? [])
        .OfType<JsonObject>()
        .Where(m => m["annotations"]?["vnd.docker.reference.type"]?.GetValue<string>() != "attestation-manifest")
        .Select(m => new Entry(Platform(m["platform"]), m["digest"]!.GetValue<string>()))
        .Where(e => e.Platform != "unknown/unknown")
        .ToList();

    public static long ContentSize(JsonObject manifest) =>
        (manifest["config"]?["size"]?.GetValue<long>() ?? 0) +
        (manifest["layers"] as JsonArray ?? []).Sum(l => l?["size"]?.GetValue<long>() ?? 0);

    private static string Platform(JsonNode? platform)
    {
        var os = platform?["os"]?.GetValue<string>() ?? "unknown";
        var architecture = platform?["architecture"]?.GetValue<string>() ?? "unknown";
        return platform?["variant"]?.GetValue<string>() is { } variant ? $"{os}/{architecture}/{variant}" : $"{os}/{architecture}";
    }
}
