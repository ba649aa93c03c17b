namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>A workflow file as GitHub reads it, as far as a rehearsal needs: triggers, environment and jobs.</summary>
public sealed record WorkflowDefinition(
    string File,
    string Name,
    WorkflowTriggerSet On,
    IReadOnlyList<KeyValuePair<string, string>> Env,
    IReadOnlyList<JobDefinition> Jobs);

/// <summary>The push filters and the manual trigger's inputs (id → default).</summary>
public sealed record WorkflowTriggerSet(
    bool Push,
    IReadOnlyList<string> PushBranches,
    IReadOnlyList<string> PushTags,
    bool PullRequest,
    IReadOnlyDictionary<string, string?>? DispatchInputs);

public sealed record JobDefinition(
    string Id,
    string? Name,
    IReadOnlyList<string> Needs,
    string? If,
    IReadOnlyList<string> RunsOn,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Matrix,
    IReadOnlyList<KeyValuePair<string, string>> Env,
    double? TimeoutMinutes,
    JobRunDefaults Defaults,
    IReadOnlyList<StepDefinition> Steps)
{
    public bool IsMatrix => Matrix.Count > 0;
}

/// <summary>The job's <c>defaults.run</c>: shell and working directory of its run steps.</summary>
public sealed record JobRunDefaults(string? Shell, string? WorkingDirectory);

public sealed record StepDefinition(
    int Number,
    string? Name,
    string? Uses,
    string? Run,
    string? If,
    IReadOnlyDictionary<string, string> With,
    IReadOnlyList<KeyValuePair<string, string>> Env,
    string? WorkingDirectory,
    string? Shell,
    bool ContinueOnError)
{
    /// <summary>The action without its ref: <c>actions/checkout@v4</c> and <c>actions/checkout@&lt;sha&gt;</c> are both <c>actions/checkout</c>.</summary>
    public string? Action => Uses is null ? null : (Uses.IndexOf('@') is > 0 and var at ? Uses[..at] : Uses);

    /// <summary>The name GitHub shows: <c>name:</c>, else "Run" and the command's first line or the action.</summary>
    public string DisplayName => Name ?? (Run is not null ? $"Run {Run.Split('\n')[0].Trim()}" : $"Run {Uses}");
}
