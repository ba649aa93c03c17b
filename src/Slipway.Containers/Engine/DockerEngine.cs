using Docker.DotNet;

namespace Slipway.Containers.Engine;

/// <summary>The Docker engine's API client, at the endpoint the docker CLI would use (DOCKER_HOST, the current context, or the default socket).</summary>
public static class DockerEngine
{
    /// <summary>For requests that answer at once (ping, inspect, list): a hung engine fails them in 30 s.</summary>
    public static DockerClient Connect() => new DockerClientBuilder().WithTimeout(TimeSpan.FromSeconds(30)).Build();

    /// <summary>For image exports and pushes, which stream for as long as the image takes.</summary>
    public static DockerClient ConnectForTransfers() => new DockerClientBuilder().Build();
}
