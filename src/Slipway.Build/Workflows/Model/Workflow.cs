namespace Slipway.Build.Workflows;

/// <summary>A generated workflow, in the order its YAML is written.</summary>
public sealed record Workflow(
    string Name,
    WorkflowTriggers On,
    IReadOnlyList<Permission> Permissions,
    Concurrency? Concurrency,
    IReadOnlyList<EnvironmentVariable> Environment,
    IReadOnlyList<Job> Jobs)
{
    /// <summary>Relative to the root.</summary>
    public string FilePath => $".github/workflows/{Name}.yml";

    public Job Job(string id) => Jobs.Single(j => j.Id == id);
}

public sealed record WorkflowTriggers(
    PushTrigger? Push,
    PullRequestTrigger? PullRequest,
    string? Schedule,
    IReadOnlyList<DispatchInput>? WorkflowDispatch);

public sealed record PushTrigger(IReadOnlyList<string> Branches, IReadOnlyList<string> Tags, IReadOnlyList<string> Paths, IReadOnlyList<string> PathsIgnore);

public sealed record PullRequestTrigger(IReadOnlyList<string> Branches, IReadOnlyList<string> Paths, IReadOnlyList<string> PathsIgnore);

/// <summary>A <c>workflow_dispatch</c> input: <paramref name="Type"/> is boolean, choice or string.</summary>
public sealed record DispatchInput(string Id, string? Description, string Type, IReadOnlyList<string> Options);

public sealed record Permission(string Scope, string Access);

public sealed record Concurrency(string Group, bool CancelInProgress);

/// <summary>An environment entry; <paramref name="Value"/> is an expression such as <c>${{ secrets.X }}</c>, never a value of a secret.</summary>
public sealed record EnvironmentVariable(string Name, string Value);
