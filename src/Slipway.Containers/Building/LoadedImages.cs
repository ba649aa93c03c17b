using Slipway.Containers.Images;

namespace Slipway.Containers.Building;

/// <summary>The images loaded so far and the bakes still running, shared by the waves; each image is reported once to <see cref="IBuildImages.ImagesLoadedAsync"/>.</summary>
internal sealed class LoadedImages(IBuildImages build, IReadOnlyList<string> services, int bakes)
{
    private readonly HashSet<string> _building = services.ToHashSet();
    private int _bakes = bakes;

    public bool WasReported(string service)
    {
        lock (_building) return !_building.Contains(service);
    }

    public void BakeEnded()
    {
        lock (_building) _bakes--;
    }

    public async Task LoadedAsync(IReadOnlyList<BuiltImage> images, CancellationToken ct)
    {
        if (images.Count == 0) return;
        List<string> stillBuilding;
        bool bakeRunning;
        lock (_building)
        {
            _building.ExceptWith(images.Select(i => i.Service));
            stillBuilding = [.. services.Where(_building.Contains)];
            bakeRunning = _bakes > 0;
        }
        await build.ImagesLoadedAsync(images, stillBuilding, bakeRunning, ct);
    }
}
