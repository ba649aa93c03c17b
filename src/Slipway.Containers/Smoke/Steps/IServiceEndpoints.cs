namespace Slipway.Containers.Smoke.Steps;

/// <summary>Finds the services of the running stack from this machine.</summary>
public interface IServiceEndpoints
{
    bool IsService(string name);

    /// <summary>The port as published on the host, or else the container's address on its compose network.</summary>
    Task<Endpoint> PublishedOrNetworkAsync(string service, int port, CancellationToken cancellationToken);

    /// <summary>The container's own address on its compose network, where nothing but the service itself can accept a connection.</summary>
    Task<Endpoint> NetworkAsync(string service, int port, CancellationToken cancellationToken);
}
