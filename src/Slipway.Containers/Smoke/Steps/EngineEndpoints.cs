using Slipway.Containers.Stacks;

namespace Slipway.Containers.Smoke.Steps;

/// <summary>
/// Service addresses of a running compose project, read from its containers through the Docker API: the host port a
/// container port is published on, else the container's address on its compose network.
/// </summary>
public sealed class EngineEndpoints(ServiceContainers containers, StackDefinition stack, string project) : IServiceEndpoints
{
    public bool IsService(string name) => stack.Find(name) is not null;

    public async Task<Endpoint> PublishedOrNetworkAsync(string service, int port, CancellationToken cancellationToken)
    {
        var container = await containers.OfAsync(service, cancellationToken);
        IList<Docker.DotNet.Models.PortBinding>? bindings = null;
        container.NetworkSettings?.Ports?.TryGetValue($"{port}/tcp", out bindings);
        return bindings?.Select(b => Endpoint.FromBinding(b.HostIP, b.HostPort)).FirstOrDefault(e => e is not null)
               ?? NetworkAddress(container, service, port);
    }

    public async Task<Endpoint> NetworkAsync(string service, int port, CancellationToken cancellationToken) =>
        NetworkAddress(await containers.OfAsync(service, cancellationToken), service, port);

    private Endpoint NetworkAddress(Docker.DotNet.Models.ContainerInspectResponse container, string service, int port)
    {
        var address = (container.NetworkSettings?.Networks ?? new Dictionary<string, Docker.DotNet.Models.EndpointSettings>())
            .OrderByDescending(n => n.Key.StartsWith(project + "_", StringComparison.Ordinal))
            .Select(n => n.Value.IPAddress)
            .FirstOrDefault(ip => !string.IsNullOrEmpty(ip))
            ?? throw new EndpointException($"the container of service {service} has no network address");
        return new Endpoint(address, port);
    }
}
