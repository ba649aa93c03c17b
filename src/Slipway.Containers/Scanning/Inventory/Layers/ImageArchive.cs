using System.Formats.Tar;
using System.Text.Json.Nodes;
using System.Text.Json;
using Slipway.Containers.Images;

namespace Slipway.Containers.Scanning.Inventory.Layers;

/// <summary>One platform image in an archive: its manifest and layers in order.</summary>
public sealed record PlatformImage(string Platform, string ManifestDigest, IReadOnlyList<string> LayerDigests, long Size);

/// <summary>
/// An image's blobs as far as an inventory needs them: its index, manifests and configs, and every layer read once
/// down to its package files. Filled either from the engine's export (an OCI image layout in a tar: blobs/sha256/…,
/// index.json) read in one pass — the engine writes the blobs before index.json, so every layer is read as it streams
/// by and which layers make which platform is resolved once the index and manifests have been seen — or from
/// containerd's content store (<see cref="ContentStore.ContentStoreImage"/>), blob by blob.
/// </summary>
public sealed class ImageArchive
{
    private const int SniffSize = 512;

    private readonly Dictionary<string, JsonNode> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LayerChanges> _layers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _sizes = new(StringComparer.Ordinal);
    private JsonNode? _index;

    /// <summary>Bytes of layer blobs read (compressed, as stored).</summary>
    public long LayerBytes { get; private set; }

    /// <summary>An archive whose index.json is the given one, for blobs added one by one.</summary>
    internal static ImageArchive WithIndex(JsonNode index) => new() { _index = index };

    internal void AddDocument(string digest, JsonNode document) => _documents[digest] = document;

    internal void AddLayer(string digest, long size, LayerChanges changes)
    {
        _sizes[digest] = size;
        LayerBytes += size;
        _layers[digest] = changes;
    }

    public static async Task<ImageArchive> ReadAsync(Stream export, CancellationToken cancellationToken)
    {
        var archive = new ImageArchive();
        using var tar = new TarReader(export, leaveOpen: true);
        while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is not { } data) continue;
            var name = PackageFiles.Normalize(entry.Name);
            if (name == "index.json")
                archive._index = await ParseAsync(data, name, cancellationToken);
            else if (name.StartsWith("blobs/", StringComparison.Ordinal))
                await archive.ReadBlobAsync(name["blobs/".Length..].Replace('/', ':'), entry.Length, data, cancellationToken);
        }
        return archive;
    }

    private async Task ReadBlobAsync(string digest, long length, Stream data, CancellationToken cancellationToken)
    {
        _sizes[digest] = length;
        var head = new byte[(int)Math.Min(SniffSize, length)];
        await data.ReadExactlyAsync(head, cancellationToken);
        if (LayerReader.Detect(head) is { } compression)
        {
            LayerBytes += length;
            _layers[digest] = await LayerReader.ReadAsync(new ReplayStream(head, data), compression, cancellationToken);
        }
        else if (length <= OciIndex.MaxDocumentSize && head.Length > 0 && head[0] == (byte)'{')
        {
            var rest = new byte[length - head.Length];
            await data.ReadExactlyAsync(rest, cancellationToken);
            try
            {
                _documents[digest] = JsonNode.Parse([.. head, .. rest])!;
            }
            catch (JsonException)
            {
                // Not JSON after all (an attestation payload or an odd blob): nothing of an image's structure.
            }
        }
    }

    private static async Task<JsonNode> ParseAsync(Stream data, string name, CancellationToken cancellationToken) =>
        await JsonNode.ParseAsync(data, cancellationToken: cancellationToken)
        ?? throw new InvalidDataException($"Image archive: {name} is empty.");

    /// <summary>The platform images the archive's index leads to (nested indexes followed, attestations left out).</summary>
    public IReadOnlyList<PlatformImage> Platforms()
    {
        var index = _index ?? throw new InvalidDataException("Image archive: no index.json; is this an OCI image layout (Docker Engine 25+ exports one)?");
        var found = new List<PlatformImage>();
        Walk(index, null, found);
        return found;
    }

    private void Walk(JsonNode index, string? platform, List<PlatformImage> found)
    {
        foreach (var descriptor in index["manifests"]?.AsArray() ?? [])
        {
            if (descriptor is null) continue;
            var digest = (string?)descriptor["digest"] ?? throw new InvalidDataException("Image archive: an index entry has no digest.");
            if (OciIndex.IsAttestation(descriptor)) continue;
            var described = PlatformOf(descriptor["platform"]) ?? platform;
            if (!_documents.TryGetValue(digest, out var document)) continue;
            if (document["manifests"] is not null)
                Walk(document, described, found);
            else if (document["layers"] is not null)
                found.Add(Manifest(digest, described ?? PlatformOfConfig(document) ?? "unknown"));
        }
    }

    /// <summary>The platform image of a manifest digest, e.g. one that images.json names.</summary>
    public PlatformImage Manifest(string digest, string platform)
    {
        if (!_documents.TryGetValue(digest, out var manifest) || manifest["layers"] is not JsonArray layers)
            throw new InvalidDataException($"Image archive: the manifest {digest} of {platform} is not among the image's blobs (is that platform's image present in the engine?).");
        var layerDigests = layers.Select(l => (string?)l?["digest"] ?? throw new InvalidDataException($"Image archive: manifest {digest} has a layer without a digest.")).ToList();
        var size = layerDigests.Sum(d => _sizes.GetValueOrDefault(d));
        return new PlatformImage(platform, digest, layerDigests, size);
    }

    /// <summary>The package files of a platform image's filesystem.</summary>
    public ImageFiles Files(PlatformImage image) =>
        ImageFiles.Merge(image.LayerDigests.Select(d => _layers.TryGetValue(d, out var layer)
            ? layer
            : throw new InvalidDataException($"Image archive: layer {d} of {image.Platform} ({image.ManifestDigest}) is not among the image's blobs or is not a tar layer.")));

    private static string? PlatformOf(JsonNode? platform) => PlatformName.FromOci(platform) is { Os: not "unknown" } known ? known.ToString() : null;

    private string? PlatformOfConfig(JsonNode manifest) =>
        (string?)manifest["config"]?["digest"] is { } config && _documents.TryGetValue(config, out var document) ? PlatformOf(document) : null;
}
