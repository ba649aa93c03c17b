namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>
/// A stand-in for the rehearsal's duration: variables it gives the jobs in place of the workflow's own (it replaces only
/// variables the workflow gives a job, never adds one), and what it clears up after each job. Disposed after the last job.
/// </summary>
public interface IRehearsalStandIn : IAsyncDisposable
{
    IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary>After a job, before its workspace is removed: notes what the job left on this machine that a runner would take with it.</summary>
    Task AfterJobAsync(string workspace, CancellationToken cancellationToken);
}

internal sealed class NoStandIn : IRehearsalStandIn
{
    public IReadOnlyDictionary<string, string> Variables { get; } = new Dictionary<string, string>();

    public Task AfterJobAsync(string workspace, CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
