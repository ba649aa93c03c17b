using Docker.DotNet;

namespace Slipway.Containers.Building;

/// <summary>
/// Notices each image of a bake as soon as the engine holds it, before the bake ends: buildx names an image when it
/// has exported it, then exports its layer cache, which for a large image takes seconds a head start can use. The
/// engine sends no event when buildx names an image, so its local tag is polled. An image counts as loaded when the tag
/// points at another image than before the bake; a rebuild that reproduces the image it replaces is seen when the bake ends.
/// </summary>
internal sealed class LoadWatch
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly DockerClient _docker;
    private readonly IReadOnlyDictionary<string, string> _references;
    private readonly IReadOnlyDictionary<string, string?> _before;

    private LoadWatch(DockerClient docker, IReadOnlyDictionary<string, string> references, IReadOnlyDictionary<string, string?> before)
    {
        _docker = docker;
        _references = references;
        _before = before;
    }

    /// <param name="references">Each service's local reference (repository:tag), which the bake names.</param>
    public static async Task<LoadWatch> StartAsync(DockerClient docker, IReadOnlyDictionary<string, string> references, CancellationToken ct)
    {
        var before = new Dictionary<string, string?>();
        foreach (var (service, reference) in references) before[service] = await IdAsync(docker, reference, ct);
        return new LoadWatch(docker, references, before);
    }

    /// <summary>Calls <paramref name="loaded"/> once for each service whose image appears, with the image's ID (its digest), until cancelled.</summary>
    public async Task WatchAsync(Func<string, string, Task> loaded, CancellationToken ct)
    {
        var reported = new HashSet<string>();
        while (reported.Count < _references.Count)
        {
            await Task.Delay(Interval, ct);
            var now = new Dictionary<string, string?>();
            foreach (var (service, reference) in _references.Where(r => !reported.Contains(r.Key)))
                now[service] = await IdAsync(_docker, reference, ct);
            foreach (var (service, id) in NewlyLoaded(_before, now))
            {
                reported.Add(service);
                await loaded(service, id);
            }
        }
    }

    /// <summary>The services whose tag now names an image it did not name before the bake. Pure.</summary>
    internal static IReadOnlyList<(string Service, string Id)> NewlyLoaded(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> now) =>
        now.Where(n => n.Value is not null && n.Value != before.GetValueOrDefault(n.Key))
            .OrderBy(n => n.Key, StringComparer.Ordinal)
            .Select(n => (n.Key, n.Value!))
            .ToList();

    private static async Task<string?> IdAsync(DockerClient docker, string reference, CancellationToken ct)
    {
        try
        {
            return (await docker.Images.InspectImageAsync(reference, ct)).ID;
        }
        catch (DockerImageNotFoundException)
        {
            return null;
        }
    }
}
