using Slipway.Containers.Engine;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Compose;

/// <summary>
/// Tells, while ComposeUp waits for the whole stack, when given services are up, so that work on them (SmokeTest's
/// checks) can begin before every service is. Work begun this way is stopped and awaited when ComposeUp fails and
/// before ComposeDown takes the stack down.
/// </summary>
public sealed class StackWatch(string project, StackDefinition stack)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly TaskCompletionSource _allUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _ended = new();
    private readonly List<Task> _work = [];

    /// <summary>Every service is up: ComposeUp's wait succeeded.</summary>
    public bool AllUp => _allUp.Task.IsCompleted;

    /// <summary>Cancelled when ComposeUp fails or the stack goes down.</summary>
    public CancellationToken Ended => _ended.Token;

    /// <summary>Returns when the services and all they depend on are up, or the whole stack is.</summary>
    public async Task WaitUpAsync(IReadOnlySet<string> services, CancellationToken ct)
    {
        var needed = WithDependencies(services);
        using var docker = DockerEngine.Connect();
        var resources = new ProjectResources(docker, project);
        while (!AllUp)
        {
            var up = (await resources.HealthAsync(stack, ct)).Where(h => h.IsUp).Select(h => h.Service).ToHashSet();
            if (needed.IsSubsetOf(up)) return;
            await Task.WhenAny(_allUp.Task, Task.Delay(Interval, ct));
            ct.ThrowIfCancellationRequested();
        }
    }

    public Task WaitAllUpAsync(CancellationToken ct) => _allUp.Task.WaitAsync(ct);

    /// <summary>Work on the stack that must end before the stack goes down.</summary>
    public void Track(Task work)
    {
        lock (_work) _work.Add(work);
    }

    internal void MarkAllUp() => _allUp.TrySetResult();

    /// <summary>Stops the work begun on the stack and waits for it; what it found no longer matters.</summary>
    internal async Task StopAsync()
    {
        await _ended.CancelAsync();
        Task[] work;
        lock (_work) work = [.. _work];
        try
        {
            await Task.WhenAll(work);
        }
        catch
        {
            // Stopped work ends in cancellation or in the failure that stopped the stack; ComposeUp reports that failure.
        }
    }

    /// <summary>
    /// The services and, transitively, those they depend on. None, or a name the stack lacks, stands for the whole stack:
    /// work that names no service (a request to a published port on localhost) waits for all of it. Pure.
    /// </summary>
    internal IReadOnlySet<string> WithDependencies(IReadOnlySet<string> services)
    {
        if (services.Count == 0) return stack.Services.Select(s => s.Name).ToHashSet();
        var all = new HashSet<string>();
        var pending = new Stack<string>(services);
        while (pending.TryPop(out var name))
        {
            if (!all.Add(name)) continue;
            if (stack.Find(name) is not { } service) return stack.Services.Select(s => s.Name).ToHashSet();
            foreach (var dependency in service.DependsOn.Keys) pending.Push(dependency);
        }
        return all;
    }
}
