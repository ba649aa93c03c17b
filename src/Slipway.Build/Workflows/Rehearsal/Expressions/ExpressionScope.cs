namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>How the job is going when a step's <c>if:</c> is evaluated: what <c>success()</c>, <c>failure()</c> and <c>cancelled()</c> answer.</summary>
public sealed record JobState(bool Failed, bool Cancelled);

/// <summary>
/// What an expression can read: the contexts (<c>github</c>, <c>env</c>, <c>matrix</c>, <c>secrets</c>…), the job's state
/// for the status functions, and the workspace for <c>hashFiles</c>; a status function or hashFiles where GitHub doesn't
/// offer it is an error.
/// </summary>
public sealed class ExpressionScope(IReadOnlyDictionary<string, object?> contexts, JobState? state = null, Func<IReadOnlyList<string>, string>? hashFiles = null)
{
    public IReadOnlyDictionary<string, object?> Contexts { get; } = new Dictionary<string, object?>(contexts, StringComparer.OrdinalIgnoreCase);
    public JobState? State { get; } = state;
    public Func<IReadOnlyList<string>, string>? HashFiles { get; } = hashFiles;

    public ExpressionScope With(string context, object? value) =>
        new(new Dictionary<string, object?>(Contexts, StringComparer.OrdinalIgnoreCase) { [context] = value }, State, HashFiles);

    public ExpressionScope With(JobState state, Func<IReadOnlyList<string>, string> hashFiles) => new(Contexts, state, hashFiles);
}
