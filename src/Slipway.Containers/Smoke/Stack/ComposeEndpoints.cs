using System.Collections.Concurrent;
using Docker.DotNet;
using Docker.DotNet.Models;
using Slipway.Build.Processes;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Smoke.Stack;

/// <summary>
/// Service addresses of a running compose project: published ports from <c>compose port</c>, container addresses
/// from the Docker API (containers labelled with the project and service). Found addresses are kept for the run.
/// </summary>
public sealed class ComposeEndpoints(ProcessRunner processes, ComposeCommand compose, StackDefinition stack, IDockerClient docker) : IServiceEndpoints
{
    /// <summary>Lookups by (service, port, published): concurrent checks share one, a failed one is forgotten so the next try looks again.</summary>
    private readonly ConcurrentDictionary<(string, int, bool), Lazy<Task<Endpoint>>> found = new();

    public bool IsService(string name) => stack.Find(name) is not null;

    public Task<Endpoint> PublishedOrNetworkAsync(string service, int port, CancellationToken cancellationToken) =>
        Remembered(service, port, published: true, async () =>
        {
            var result = await processes.RunAsync("docker", compose.Arguments("port", service, port.ToString()),
                new ProcessOptions { Quiet = true, ThrowOnError = false }, cancellationToken);
            return result.Succeeded && Endpoint.FromComposePort(result.StandardOutput) is { } endpoint
                ? endpoint
                : await ContainerAddressAsync(service, port, cancellationToken);
        });

    public Task<Endpoint> NetworkAsync(string service, int port, CancellationToken cancellationToken) =>
        Remembered(service, port, published: false, () => ContainerAddressAsync(service, port, cancellationToken));

    private async Task<Endpoint> Remembered(string service, int port, bool published, Func<Task<Endpoint>> find)
    {
        var key = (service, port, published);
        var lookup = found.GetOrAdd(key, _ => new Lazy<Task<Endpoint>>(find));
        try
        {
            return await lookup.Value;
        }
        catch
        {
            found.TryRemove(KeyValuePair.Create(key, lookup));
            throw;
        }
    }

    private async Task<Endpoint> ContainerAddressAsync(string service, int port, CancellationToken cancellationToken)
    {
        var project = compose.ProjectName ?? stack.Name;
        var containers = await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool>
                {
                    [$"com.docker.compose.project={project}"] = true,
                    [$"com.docker.compose.service={service}"] = true,
                },
                ["status"] = new Dictionary<string, bool> { ["running"] = true },
            },
        }, cancellationToken);
        var networks = containers.FirstOrDefault()?.NetworkSettings?.Networks
                       ?? throw new EndpointException($"no running container of service {service} in project {project}");
        var address = networks
            .OrderByDescending(n => n.Key.StartsWith(project + "_", StringComparison.Ordinal))
            .Select(n => n.Value.IPAddress)
            .FirstOrDefault(ip => !string.IsNullOrEmpty(ip))
            ?? throw new EndpointException($"the container of service {service} has no network address");
        return new Endpoint(address, port);
    }
}
