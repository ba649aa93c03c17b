using System.Diagnostics;
using Slipway.Containers.Images;

namespace Slipway.Containers.Compose;

/// <summary>
/// The services this run started while images still built: each start runs after the one before it, and ComposeUp
/// and ComposeDown wait for them all before they touch the project.
/// </summary>
public sealed class HeadStart
{
    private readonly object _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<BuiltImage> _loaded = [];
    private readonly List<string> _started = [];
    private Task _starts = Task.CompletedTask;

    public IReadOnlyList<string> Services
    {
        get { lock (_gate) return [.. _started]; }
    }

    /// <summary>
    /// Records loaded images and queues a start of the services that became startable, given every image loaded so far.
    /// False when no service became startable.
    /// </summary>
    public bool Queue(IEnumerable<BuiltImage> images, Func<IReadOnlySet<string>, IReadOnlyList<string>> startable,
        Func<IReadOnlyList<BuiltImage>, IReadOnlyList<string>, Task> start)
    {
        lock (_gate)
        {
            _loaded.AddRange(images);
            var services = startable(_loaded.Select(i => i.Service).ToHashSet()).Except(_started).ToList();
            if (services.Count == 0) return false;
            _started.AddRange(services);
            var loaded = _loaded.ToList();
            var previous = _starts;
            _starts = AfterAsync(previous, () => start(loaded, services));
            return true;
        }
    }

    private async Task AfterAsync(Task previous, Func<Task> start)
    {
        await previous;
        await start();
    }

    /// <summary>Waits for every start; returns their lead: how long before this call the first one began.</summary>
    public async Task<TimeSpan> FinishAsync()
    {
        var lead = _clock.Elapsed;
        Task starts;
        lock (_gate) starts = _starts;
        await starts;
        return lead;
    }
}
