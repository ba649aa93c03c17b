using Docker.DotNet;

namespace Slipway.Containers.Machine;

/// <summary>The Docker engine's API client, at the endpoint the docker CLI would use (DOCKER_HOST, the current context, or the default socket).</summary>
public static class DockerEngine
{
    public static DockerClient Connect() => new DockerClientBuilder().WithTimeout(TimeSpan.FromSeconds(30)).Build();
}
