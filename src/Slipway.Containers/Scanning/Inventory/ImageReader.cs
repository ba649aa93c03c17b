using Docker.DotNet;
using Grpc.Core;
using Serilog;
using Slipway.Containers.Images;
using Slipway.Containers.Images.ContentStore;
using Slipway.Containers.Scanning.Inventory.ContentStore;
using Slipway.Containers.Scanning.Inventory.Layers;

namespace Slipway.Containers.Scanning.Inventory;

/// <summary>Where an image's blobs were read from.</summary>
public enum ImageSource
{
    /// <summary>containerd's content store, blob by blob (the engine's containerd image store).</summary>
    ContentStore,

    /// <summary>The engine's export through the Docker API (<c>GET /images/{name}/get</c>).</summary>
    Export,
}

/// <summary>The inventories of an image's platforms, the compressed layer bytes read for them and where they came from.</summary>
public sealed record ImageReading(IReadOnlyList<ImageInventory> Inventories, long LayerBytes, ImageSource Source);

/// <summary>
/// Inventories a built image from the engine without running a container or touching the disk. With a containerd
/// socket (the engine's containerd image store) the index, manifests and the wanted platforms' layers are read straight
/// from the content store; without one (e.g. Docker Desktop), or when the store cannot be read, the image is exported
/// through the Docker API (an OCI layout with every platform's blobs) and read as it streams.
/// </summary>
public sealed class ImageReader(IDockerClient docker, ContainerdContentStore? contentStore, ILogger log) : IDisposable
{
    /// <summary>A reader for the engine: its containerd content store when a socket is found, else its export; the choice is logged.</summary>
    public static ImageReader ForEngine(IDockerClient docker, ILogger log, IReadOnlyDictionary<string, string> environment)
    {
        if (ContainerdSocket.Find(environment) is not { } socket)
        {
            log.Information("Inventory: no containerd socket (CONTAINERD_ADDRESS, {Known}); images are exported through the Docker API", string.Join(", ", ContainerdSocket.KnownPaths));
            return new ImageReader(docker, null, log);
        }
        log.Information("Inventory: layers are read from containerd's content store at {Socket} (the Docker API's export when that fails)", socket.Path);
        return new ImageReader(docker, new ContainerdContentStore(socket), log);
    }

    /// <summary>The inventories of the image's platforms, in the order of images.json.</summary>
    public async Task<ImageReading> ReadAsync(BuiltImage image, CancellationToken cancellationToken)
    {
        if (contentStore is not null)
        {
            try
            {
                if (await ContentStoreImage.ReadAsync(contentStore, image.Digest, image.Manifests, cancellationToken) is { } archive)
                    return Inventory(image, archive, ImageSource.ContentStore);
                log.Warning("{Service}: {Digest} is not in containerd's content store at {Socket}; exporting the image through the Docker API instead",
                    image.Service, image.Digest, contentStore.Socket.Path);
            }
            catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
            {
                log.Warning("{Service}: containerd's content store at {Socket} could not be read ({Status}: {Detail}); exporting the image through the Docker API instead",
                    image.Service, contentStore.Socket.Path, e.StatusCode, e.Status.Detail);
            }
        }
        return Inventory(image, await ExportAsync(image, cancellationToken), ImageSource.Export);
    }

    private async Task<ImageArchive> ExportAsync(BuiltImage image, CancellationToken cancellationToken)
    {
        try
        {
            // By digest, not tag: what is scanned is exactly what BuildImages recorded, even if the tag has moved since.
            await using var export = await docker.Images.SaveImageAsync(image.Digest, cancellationToken);
            // Large reads only (the HTTP client's chunk decoder mishandles small reads near the end of a body),
            // on a task of their own, so that the export arrives while layers are being decompressed.
            var (prefetched, pump) = PrefetchStream.Start(export, cancellationToken);
            ImageArchive archive;
            await using (prefetched)
                archive = await ImageArchive.ReadAsync(prefetched, cancellationToken);
            await pump;
            return archive;
        }
        catch (DockerImageNotFoundException e)
        {
            throw new InvalidDataException($"Image {image.Reference} ({image.Digest}) of service '{image.Service}' is not in the engine: run BuildImages again. ({e.Message})", e);
        }
    }

    private static ImageReading Inventory(BuiltImage image, ImageArchive archive, ImageSource source)
    {
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
        return new ImageReading(inventories, archive.LayerBytes, source);
    }

    public void Dispose() => contentStore?.Dispose();
}
