namespace Slipway.Containers.Images;

/// <summary>
/// The socket of the containerd that holds the engine's images (Docker's containerd image store), and the namespace
/// the engine keeps them in. Reading its content store directly is how Slipway gets at manifests and layers
/// without exporting whole images through the Docker API.
/// </summary>
public sealed record ContainerdSocket(string Path)
{
    /// <summary>The containerd namespace Docker Engine keeps its images in.</summary>
    public const string EngineNamespace = "moby";

    /// <summary>Docker's own containerd first, then a system containerd that dockerd may use.</summary>
    public static IReadOnlyList<string> KnownPaths { get; } = ["/var/run/docker/containerd/containerd.sock", "/run/containerd/containerd.sock"];

    /// <summary>The socket named by the build's CONTAINERD_ADDRESS, else the first known socket that exists; null when there is none (e.g. Docker Desktop).</summary>
    public static ContainerdSocket? Find(IReadOnlyDictionary<string, string> environment) => Find(environment.GetValueOrDefault("CONTAINERD_ADDRESS"), File.Exists);

    public static ContainerdSocket? Find(string? configured, Func<string, bool> exists)
    {
        if (configured is { Length: > 0 })
            return new ContainerdSocket(configured.StartsWith("unix://", StringComparison.Ordinal) ? configured["unix://".Length..] : configured);
        return KnownPaths.FirstOrDefault(exists) is { } path ? new ContainerdSocket(path) : null;
    }

    public static ContainerdSocket Require(IReadOnlyDictionary<string, string> environment) => Find(environment)
        ?? throw new InvalidOperationException($"No containerd socket found (looked at CONTAINERD_ADDRESS and {string.Join(", ", KnownPaths)}): is the engine using the containerd image store?");
}
