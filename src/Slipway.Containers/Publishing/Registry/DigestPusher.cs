using System.Formats.Tar;
using System.Text.Json;
using Docker.DotNet;
using Serilog;
using Slipway.Containers.Images;
using Slipway.Containers.Publishing.Merging;

namespace Slipway.Containers.Publishing.Registry;

/// <summary>
/// Pushes a built image's platform manifests to the registry by digest only, with no tag: the engine pushes only under
/// a tag, and distribution can't delete a tag without deleting the manifest, so a temporary tag would stay behind for
/// users to pull. Instead the image is exported from the engine by its digest (an OCI layout, read as it streams), each
/// blob the repository lacks is uploaded, and each platform manifest is put under its own digest, which the
/// distribution API allows, and so is buildx's attestation manifest of each platform. This is what buildx's
/// push-by-digest does; the merge job then lists the manifests and their attestations in an index.
/// </summary>
public sealed class DigestPusher(IDockerClient docker, RegistryClient registry, ILogger log)
{

    /// <summary>
    /// Pushes every platform manifest images.json records for the image into <paramref name="address"/>'s repository of
    /// the service, each with buildx's attestation manifest for it, so that the merged index can list those too.
    /// </summary>
    public async Task<PushedImage> PushAsync(BuiltImage image, RegistryAddress address, CancellationToken cancellationToken)
    {
        var repository = address.RepositoryOf(image.Service);
        var name = address.ImageOf(image.Service);
        var documents = image.Manifests.Select(m => (What: m.Platform, m.Digest))
            .Concat(image.Manifests.Where(m => m.Attestation is not null).Select(m => (What: $"{m.Platform} attestations", Digest: m.Attestation!)))
            .ToList();
        var missing = new List<(string What, string Digest)>();
        foreach (var document in documents)
        {
            if (await registry.ResolveAsync(repository, document.Digest, cancellationToken) == document.Digest)
                log.Information("{Image}@{Digest} ({What}) is already in the registry", name, document.Digest, document.What);
            else
                missing.Add(document);
        }
        if (missing.Count > 0) await PushMissingAsync(image, repository, name, missing, cancellationToken);

        var pushed = new List<PushedManifest>();
        foreach (var platform in image.Manifests)
        {
            // What the registry serves, not what was sent: the index entry must describe the stored bytes.
            var stored = await StoredAsync(repository, name, image.Service, platform.Platform, platform.Digest, cancellationToken);
            var attestation = platform.Attestation is { } digest
                ? await StoredAsync(repository, name, image.Service, $"{platform.Platform} attestations", digest, cancellationToken)
                : null;
            pushed.Add(new PushedManifest
            {
                Platform = platform.Platform, Digest = stored.Digest, MediaType = stored.MediaType, Size = stored.Content.Length,
                Attestation = attestation is null ? null : new PushedAttestation { Digest = attestation.Digest, MediaType = attestation.MediaType, Size = attestation.Content.Length },
            });
        }
        return new PushedImage { Service = image.Service, Image = name, Manifests = pushed };
    }

    private async Task<Manifest> StoredAsync(string repository, string name, string service, string what, string digest, CancellationToken cancellationToken)
    {
        var stored = await registry.GetManifestAsync(repository, digest, cancellationToken)
                     ?? throw new RegistryException($"{name}@{digest} ({what}) is not in the registry right after the push.");
        return stored.IsIndex
            ? throw new RegistryException($"{name}@{digest}, recorded as the {what} manifest of '{service}', is an index.")
            : stored;
    }

    private async Task PushMissingAsync(BuiltImage image, string repository, string name, IReadOnlyList<(string What, string Digest)> missing, CancellationToken cancellationToken)
    {
        // Layers are uploaded as the export streams by (it holds only the image's own platforms, all of which are pushed);
        // documents are kept, since which of them are manifests and configs is known only once they have all been seen.
        var documents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var uploaded = 0;
        try
        {
            await using var export = await docker.Images.SaveImageAsync(image.Digest, cancellationToken);
            await using var buffered = new BufferedStream(export, 1 << 20);
            using var tar = new TarReader(buffered, leaveOpen: true);
            while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is not { } data) continue;
                var path = entry.Name.TrimStart('.', '/');
                if (!path.StartsWith("blobs/sha256/", StringComparison.Ordinal)) continue;
                var digest = "sha256:" + path["blobs/sha256/".Length..];
                if (entry.Length <= OciIndex.MaxDocumentSize)
                {
                    var content = new byte[entry.Length];
                    await data.ReadExactlyAsync(content, cancellationToken);
                    if (content.Length > 0 && content[0] == (byte)'{') documents[digest] = content;
                    else if (await UploadAsync(repository, digest, new MemoryStream(content), content.Length, cancellationToken)) uploaded++;
                }
                else if (await UploadAsync(repository, digest, data, entry.Length, cancellationToken)) uploaded++;
            }
        }
        catch (DockerImageNotFoundException e)
        {
            throw new RegistryException($"Service '{image.Service}': the image {image.Digest} ({image.Reference}) that images.json records is not in the engine: run BuildImages again. ({e.Message})", e);
        }

        foreach (var platform in missing)
        {
            var content = documents.GetValueOrDefault(platform.Digest)
                          ?? throw new RegistryException($"Service '{image.Service}': the engine's export of {image.Digest} has no {platform.What} manifest {platform.Digest}.");
            if (Manifest.DigestOf(content) != platform.Digest)
                throw new RegistryException($"Service '{image.Service}': the engine exported other content as {platform.Digest}.");
            using var json = JsonDocument.Parse(content);
            var mediaType = json.RootElement.TryGetProperty("mediaType", out var type) ? type.GetString() : null;
            var blobs = json.RootElement.GetProperty("layers").EnumerateArray().Prepend(json.RootElement.GetProperty("config"))
                .Select(d => d.GetProperty("digest").GetString()!);
            foreach (var blob in blobs)
                if (documents.TryGetValue(blob, out var document) && await UploadAsync(repository, blob, new MemoryStream(document), document.Length, cancellationToken))
                    uploaded++;
            log.Information("Pushing {Image}@{Digest} ({What}) by digest", name, platform.Digest, platform.What);
            await registry.PutManifestAsync(repository, platform.Digest,
                new Manifest(content, mediaType ?? throw new RegistryException($"Service '{image.Service}': the {platform.What} manifest {platform.Digest} names no mediaType.")),
                cancellationToken);
        }
        log.Information("{Image}: {Count} blobs uploaded", name, uploaded);
    }

    /// <summary>Uploads the blob unless the repository has it (the tar reader skips content left unread).</summary>
    private async Task<bool> UploadAsync(string repository, string digest, Stream content, long length, CancellationToken cancellationToken)
    {
        if (await registry.BlobExistsAsync(repository, digest, cancellationToken)) return false;
        await registry.UploadBlobAsync(repository, digest, content, length, cancellationToken);
        return true;
    }
}
