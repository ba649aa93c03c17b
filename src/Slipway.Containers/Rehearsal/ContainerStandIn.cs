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
/// What a rehearsal of a container build needs beyond the jobs themselves: the images each job built are untagged when
/// the rehearsal ends (a runner would be thrown away with them; untagging between jobs would let the engine collect
/// content a later job's build still reads from its cache), a registry may stand in for the workflow's, and a throw-away
/// key pair for its signing identity; the registry and the keys are removed when the rehearsal ends.
/// </summary>
internal sealed class ContainerStandIn(ILogger log, IReadOnlyDictionary<string, string> variables, LocalRegistry? registry, string? keys,
    IReadOnlyDictionary<string, string>? companions = null) : IRehearsalStandIn
{
    private readonly List<string> _built = [];

    public IReadOnlyDictionary<string, string> Variables { get; } = variables;

    public IReadOnlyDictionary<string, string> Companions { get; } = companions ?? new Dictionary<string, string>();

    /// <summary>Notes the images listed in the job's artifacts/images.json, before its workspace goes.</summary>
    public Task AfterJobAsync(string workspace, CancellationToken cancellationToken)
    {
        var report = AbsolutePath.Create(workspace) / "artifacts" / "images.json";
        if (!File.Exists(report)) return Task.CompletedTask;
        try
        {
            _built.AddRange(ImagesReport.Load(report).Images.Select(i => i.Reference));
        }
        catch (InvalidDataException e)
        {
            log.Warning("The job's images.json can't be read, so its images stay: {Message}", e.Message);
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_built.Count > 0)
        {
            using var docker = DockerEngine.Connect();
            foreach (var reference in _built.Distinct())
            {
                try
                {
                    await docker.Images.DeleteImageAsync(reference, new ImageDeleteParameters(), CancellationToken.None);
                }
                catch (DockerApiException e)
                {
                    log.Warning("{Image} built by a rehearsed job stays: {Message}", reference, e.Message);
                }
            }

            log.Information("Removed the {Count} image tag(s) the rehearsed jobs built", _built.Distinct().Count());
        }

        if (keys is not null) Directory.Delete(keys, recursive: true);
        if (registry is null) return;
        await registry.DisposeAsync();
        log.Information("The throw-away registry at {Host} is removed", registry.Host);
    }
}
