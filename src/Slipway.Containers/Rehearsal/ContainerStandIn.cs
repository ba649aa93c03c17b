using Docker.DotNet;
using Docker.DotNet.Models;
using Serilog;
using Slipway.Build;
using Slipway.Build.Workflows.Rehearsal;
using Slipway.Containers.Engine;
using Slipway.Containers.Images;
using Slipway.Containers.Publishing.Registry;

namespace Slipway.Containers.Rehearsal;

/// <summary>
/// What a rehearsal of a container build needs beyond the jobs themselves: after each job, the images it built are
/// untagged (a runner would be thrown away with them), and a registry may stand in for the workflow's.
/// </summary>
internal sealed class ContainerStandIn(ILogger log, IReadOnlyDictionary<string, string> variables, LocalRegistry? registry) : IRehearsalStandIn
{
    public IReadOnlyDictionary<string, string> Variables { get; } = variables;

    /// <summary>Removes the tags of the images listed in the job's artifacts/images.json (the images go when nothing else names them).</summary>
    public async Task AfterJobAsync(string workspace, CancellationToken cancellationToken)
    {
        var report = AbsolutePath.Create(workspace) / "artifacts" / "images.json";
        if (!File.Exists(report)) return;
        BuildReport built;
        try
        {
            built = BuildReport.Load(report);
        }
        catch (InvalidDataException e)
        {
            log.Warning("The job's images.json can't be read, so its images stay: {Message}", e.Message);
            return;
        }

        using var docker = DockerEngine.Connect();
        foreach (var image in built.Images)
        {
            try
            {
                await docker.Images.DeleteImageAsync(image.Reference, new ImageDeleteParameters(), cancellationToken);
            }
            catch (DockerApiException e)
            {
                log.Warning("{Image} built by the rehearsed job stays: {Message}", image.Reference, e.Message);
            }
        }

        log.Information("Removed the {Count} image tag(s) the job built", built.Images.Count);
    }

    public async ValueTask DisposeAsync()
    {
        if (registry is null) return;
        await registry.DisposeAsync();
        log.Information("The throw-away registry at {Host} is removed", registry.Host);
    }
}
