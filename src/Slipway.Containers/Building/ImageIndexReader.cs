using System.Text.Json.Nodes;
using Slipway.Containers.Images;
using Slipway.Containers.Images.ContentStore;

namespace Slipway.Containers.Building;

/// <summary>
/// Reads an image's index and per-platform manifests from the engine's containerd content store: the Docker API of
/// engine 26 does not expose them, and exporting whole images just to read a few KB is slow.
/// </summary>
public sealed class ImageIndexReader : IDisposable
{
    private readonly ContainerdContentStore _store = new(ContainerdSocket.Require());

    public async Task<IReadOnlyList<PlatformManifest>> ManifestsAsync(string digest, CancellationToken cancellationToken)
    {
        var top = await ReadAsync(digest, cancellationToken);
        var mediaType = top["mediaType"]?.GetValue<string>() ?? "";
        if (!mediaType.Contains("index", StringComparison.Ordinal) && !mediaType.Contains("manifest.list", StringComparison.Ordinal))
            throw new InvalidDataException($"{digest} is a single manifest, not an index; BuildImages builds every image as an index.");

        var entries = IndexParsing.PlatformEntries(top);
        var manifests = await Task.WhenAll(entries.Select(async entry => new PlatformManifest
        {
            Platform = entry.Platform, Digest = entry.Digest, Size = IndexParsing.ContentSize(await ReadAsync(entry.Digest, cancellationToken)),
        }));
        return manifests;
    }

    public void Dispose() => _store.Dispose();

    private async Task<JsonObject> ReadAsync(string digest, CancellationToken cancellationToken) =>
        await _store.ReadDocumentAsync(digest, cancellationToken) as JsonObject
        ?? throw new InvalidDataException($"{digest} is not in the engine's content store as a JSON manifest.");
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
