using System.Collections.Concurrent;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Slipway.Containers.Smoke.Steps;

/// <summary>
/// The running container of each service of one compose project, found through the Docker API by compose's labels
/// and inspected once: concurrent checks share a lookup, and a failed one is forgotten so that the next try looks again.
/// </summary>
public sealed class ServiceContainers(IDockerClient docker, string project)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ContainerInspectResponse>>> _found = new();

    public IDockerClient Docker => docker;

    public async Task<ContainerInspectResponse> OfAsync(string service, CancellationToken cancellationToken)
    {
        var lookup = _found.GetOrAdd(service, _ => new Lazy<Task<ContainerInspectResponse>>(() => FindAsync(service, cancellationToken)));
        try
        {
            return await lookup.Value;
        }
        catch
        {
            _found.TryRemove(KeyValuePair.Create(service, lookup));
            throw;
        }
    }

    private async Task<ContainerInspectResponse> FindAsync(string service, CancellationToken cancellationToken)
    {
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
        var id = containers.FirstOrDefault()?.ID ?? throw new EndpointException($"no running container of service {service} in project {project}");
        return await docker.Containers.InspectContainerAsync(id, cancellationToken);
    }
}
