using Docker.DotNet;
using Slipway.Containers.Images;
using Slipway.Containers.Scanning.Inventory.Layers;

namespace Slipway.Containers.Scanning.Inventory;

/// <summary>
/// Inventories a built image from the engine: one export through the Docker API (<c>GET /images/{name}/get</c>,
/// an OCI layout with every platform's blobs), read as it streams. No container runs and nothing touches the disk.
/// </summary>
public sealed class ImageReader(IDockerClient docker)
{
    /// <summary>The inventories of the image's platforms, in the order of images.json.</summary>
    public async Task<(IReadOnlyList<ImageInventory> Inventories, long LayerBytes)> ReadAsync(BuiltImage image, CancellationToken cancellationToken)
    {
        ImageArchive archive;
        try
        {
            // By digest, not tag: what is scanned is exactly what BuildImages recorded, even if the tag has moved since.
            await using var export = await docker.Images.SaveImageAsync(image.Digest, cancellationToken);
            // Large reads only (the HTTP client's chunk decoder mishandles small reads near the end of a body),
            // on a task of their own, so that the export arrives while layers are being decompressed.
            var (prefetched, pump) = PrefetchStream.Start(export, cancellationToken);
            await using (prefetched)
                archive = await ImageArchive.ReadAsync(prefetched, cancellationToken);
            await pump;
        }
        catch (DockerImageNotFoundException e)
        {
            throw new InvalidDataException($"Image {image.Reference} ({image.Digest}) of service '{image.Service}' is not in the engine: run BuildImages again. ({e.Message})", e);
        }

        var platforms = image.Manifests.Count > 0
            ? image.Manifests.Select(m => archive.Manifest(m.Digest, m.Platform)).ToList()
            : archive.Platforms();
        var inventories = platforms.Select(platform =>
        {
            var (os, packages) = ImageInventory.Catalog(archive.Files(platform));
            return new ImageInventory
            {
                Service = image.Service,
                Reference = image.Reference,
                Repository = image.Repository,
                ImageDigest = image.Digest,
                Platform = platform.Platform,
                ManifestDigest = platform.ManifestDigest,
                Size = platform.Size,
                Os = os,
                Packages = packages,
            };
        }).ToList();
        return (inventories, archive.LayerBytes);
    }
}
