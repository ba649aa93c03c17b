using System.Text.Json.Nodes;
using Slipway.Containers.Images.ContentStore;

namespace Slipway.Containers.Images;

/// <summary>
/// Reads an image's index and per-platform manifests from the engine's containerd content store: the Docker API of
/// engine 26 does not expose them, and exporting whole images just to read a few KB is slow.
/// </summary>
public sealed class ImageIndexReader(ContainerdSocket socket) : IDisposable
{
    private readonly ContainerdContentStore _store = new(socket);

    public async Task<IReadOnlyList<PlatformManifest>> ManifestsAsync(string digest, CancellationToken cancellationToken)
    {
        var top = await ReadAsync(digest, cancellationToken);
        if (!OciIndex.IsIndex(top["mediaType"]?.GetValue<string>()))
            throw new InvalidDataException($"{digest} is a single manifest, not an index; BuildImages builds every image as an index.");

        var entries = OciIndex.PlatformEntries(top);
        var attestations = OciIndex.AttestationEntries(top);
        var manifests = await Task.WhenAll(entries.Select(async entry => new PlatformManifest
        {
            Platform = entry.Platform, Digest = entry.Digest, Size = OciIndex.ContentSize(await ReadAsync(entry.Digest, cancellationToken)),
            Attestation = attestations.GetValueOrDefault(entry.Digest),
        }));
        return manifests;
    }

    public void Dispose() => _store.Dispose();

    private async Task<JsonObject> ReadAsync(string digest, CancellationToken cancellationToken) =>
        await _store.ReadDocumentAsync(digest, cancellationToken) as JsonObject
        ?? throw new InvalidDataException($"{digest} is not in the engine's content store as a JSON manifest.");
}
