using Docker.DotNet;

namespace Slipway.Containers.Engine;

/// <summary>
/// Which image store the engine keeps its images in. The containerd store holds multi-platform images and buildx's
/// attestations and exports a layer cache; the classic store holds one platform per image and none of those.
/// </summary>
public static class ImageStore
{
    public static bool IsContainerd(IEnumerable<string[]>? driverStatus) =>
        driverStatus?.Any(pair => pair is ["driver-type", "io.containerd.snapshotter.v1"]) == true;

    public static async Task<bool> IsContainerdAsync(DockerClient client, CancellationToken ct) =>
        IsContainerd((await client.System.GetSystemInfoAsync(ct)).DriverStatus);
}
