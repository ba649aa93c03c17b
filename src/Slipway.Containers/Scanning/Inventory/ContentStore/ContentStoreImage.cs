using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Slipway.Containers.Images;
using Slipway.Containers.Images.ContentStore;
using Slipway.Containers.Scanning.Inventory.Layers;

namespace Slipway.Containers.Scanning.Inventory.ContentStore;

/// <summary>
/// Fills an <see cref="ImageArchive"/> from containerd's content store: the image's index and manifests (and configs,
/// which name a platform when the index does not), then only the layers of the platforms asked for, each read once,
/// several at a time so that receiving one layer and decompressing another overlap.
/// </summary>
public static class ContentStoreImage
{
    private const int SniffSize = 512;

    /// <summary>
    /// Reads the image <paramref name="digest"/>; <paramref name="manifests"/> (images.json's) limits the layers read to
    /// those platforms (all when empty). Null when the content store does not have the image at all.
    /// </summary>
    public static async Task<ImageArchive?> ReadAsync(ContainerdContentStore store, string digest, IReadOnlyList<PlatformManifest> manifests, CancellationToken cancellationToken)
    {
        var manifestDigests = manifests.Select(m => m.Digest).ToHashSet(StringComparer.Ordinal);
        // The same shape as an export's index.json: one entry, the image itself.
        var archive = ImageArchive.WithIndex(new JsonObject { ["manifests"] = new JsonArray(new JsonObject { ["digest"] = digest }) });
        var layerSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        if (!await AddDocumentAsync(store, archive, digest, manifestDigests, layerSizes, cancellationToken)) return null;

        var platforms = manifests.Count > 0 ? manifests.Select(m => archive.Manifest(m.Digest, m.Platform)).ToList() : archive.Platforms();
        var layers = new ConcurrentDictionary<string, LayerChanges>(StringComparer.Ordinal);
        var wanted = platforms.SelectMany(p => p.LayerDigests).Distinct().ToList();
        await Parallel.ForEachAsync(wanted, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (layer, ct) =>
            {
                if (await ReadLayerAsync(store, layer, layerSizes.GetValueOrDefault(layer), ct) is { } changes) layers[layer] = changes;
            });
        foreach (var layer in wanted)
            if (layers.TryGetValue(layer, out var changes)) archive.AddLayer(layer, layerSizes.GetValueOrDefault(layer), changes);
        return archive;
    }

    /// <summary>
    /// Adds a document and what it leads to: an index's entries (attestations left out, and only the manifests asked
    /// for when some are), a manifest's config and its layers' sizes. Blobs the store lacks (platforms never pulled) are
    /// skipped: false when the document itself is one of them.
    /// </summary>
    private static async Task<bool> AddDocumentAsync(ContainerdContentStore store, ImageArchive archive, string digest, HashSet<string> manifestDigests,
        Dictionary<string, long> layerSizes, CancellationToken cancellationToken)
    {
        if (await store.ReadDocumentAsync(digest, cancellationToken) is not { } document) return false;
        archive.AddDocument(digest, document);
        if (document["manifests"] is JsonArray entries)
        {
            foreach (var entry in entries)
            {
                if (entry is null || OciIndex.IsAttestation(entry)) continue;
                var child = (string?)entry["digest"] ?? throw new InvalidDataException($"Content store: an entry of index {digest} has no digest.");
                var isIndex = OciIndex.IsIndex((string?)entry["mediaType"]);
                if (isIndex || manifestDigests.Count == 0 || manifestDigests.Contains(child))
                    await AddDocumentAsync(store, archive, child, manifestDigests, layerSizes, cancellationToken);
            }
        }
        else if (document["layers"] is JsonArray layers)
        {
            foreach (var layer in layers)
                if ((string?)layer?["digest"] is { } layerDigest) layerSizes[layerDigest] = (long?)layer["size"] ?? 0;
            if ((string?)document["config"]?["digest"] is { } config && await store.ReadDocumentAsync(config, cancellationToken) is { } configDocument)
                archive.AddDocument(config, configDocument);
        }
        return true;
    }

    /// <summary>A layer's package files, or null when the blob is not a tar layer (as an export's non-layer blobs are passed over).</summary>
    private static async Task<LayerChanges?> ReadLayerAsync(ContainerdContentStore store, string digest, long size, CancellationToken cancellationToken)
    {
        await using var blob = store.OpenRead(digest, cancellationToken);
        var head = new byte[SniffSize];
        var read = await blob.ReadAtLeastAsync(head, SniffSize, throwOnEndOfStream: false, cancellationToken);
        return LayerReader.Detect(head.AsSpan(0, read)) is { } compression
            ? await LayerReader.ReadAsync(new ReplayStream(head.AsMemory(0, read), blob), compression, cancellationToken)
            : null;
    }
}
