using Docker.DotNet;
using Docker.DotNet.Models;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Compose;

/// <summary>What the engine holds of one compose project, found by compose's project label through the Docker API.</summary>
public sealed class ProjectResources(IDockerClient docker, string projectName)
{
    private Dictionary<string, IDictionary<string, bool>> Filter => new()
    {
        ["label"] = new Dictionary<string, bool> { [$"com.docker.compose.project={projectName}"] = true },
    };

    public async Task<IReadOnlyList<ContainerInspectResponse>> ContainersAsync(CancellationToken cancellationToken)
    {
        var listed = await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = Filter }, cancellationToken);
        var inspected = new List<ContainerInspectResponse>();
        foreach (var container in listed) inspected.Add(await docker.Containers.InspectContainerAsync(container.ID, cancellationToken));
        return inspected;
    }

    /// <summary>
    /// The state of each of the stack's containers. A service that others wait for with service_completed_successfully
    /// is a one-shot job, up once it has exited 0.
    /// </summary>
    public async Task<IReadOnlyList<ServiceHealth>> HealthAsync(StackDefinition stack, CancellationToken cancellationToken)
    {
        var oneShot = stack.Services.SelectMany(s => s.DependsOn).Where(d => d.Value == "service_completed_successfully").Select(d => d.Key).ToHashSet();
        return (await ContainersAsync(cancellationToken)).Select(c => ServiceHealth.From(c, oneShot.Contains(ServiceOf(c)))).ToList();
    }

    /// <summary>Every container, network and volume of the project, as "kind name" lines.</summary>
    public async Task<IReadOnlyList<string>> LeftoversAsync(CancellationToken cancellationToken)
    {
        var containers = await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = Filter }, cancellationToken);
        var networks = await docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = Filter }, cancellationToken);
        var volumes = await docker.Volumes.ListAsync(new VolumesListParameters { Filters = Filter }, cancellationToken);
        return containers.Select(c => $"container {string.Join(",", c.Names)}")
            .Concat(networks.Select(n => $"network {n.Name}"))
            .Concat((volumes.Volumes ?? []).Select(v => $"volume {v.Name}"))
            .ToList();
    }

    public static string ServiceOf(ContainerInspectResponse container) =>
        container.Config?.Labels?.TryGetValue("com.docker.compose.service", out var service) == true ? service : container.Name.TrimStart('/');
}
