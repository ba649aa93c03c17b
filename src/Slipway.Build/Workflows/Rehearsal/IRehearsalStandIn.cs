namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>
/// A stand-in for the rehearsal's duration: variables it gives the jobs in place of the workflow's own (it replaces only
/// variables the workflow gives a job), those that go with them (a stand-in key beside a stand-in signing mode), and
/// what it clears up after each job. Disposed after the last job.
/// </summary>
public interface IRehearsalStandIn : IAsyncDisposable
{
    IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary>Given, besides, to every job whose variables the stand-in replaces some of.</summary>
    IReadOnlyDictionary<string, string> Companions => new Dictionary<string, string>();

    /// <summary>After a job, before its workspace is removed: notes what the job left on this machine that a runner would take with it.</summary>
    Task AfterJobAsync(string workspace, CancellationToken cancellationToken);
}

internal sealed class NoStandIn : IRehearsalStandIn
{
    public IReadOnlyDictionary<string, string> Variables { get; } = new Dictionary<string, string>();

    public Task AfterJobAsync(string workspace, CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
