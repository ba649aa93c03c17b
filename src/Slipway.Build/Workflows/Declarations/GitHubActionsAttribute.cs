namespace Slipway.Build;

/// <summary>
/// Declares a GitHub Actions workflow, <c>.github/workflows/{name}.yml</c>, generated from the build's targets:
/// jobs follow the target graph (see <see cref="WorkflowJobAttribute"/>), products are handed between jobs as artifacts.
/// Any local run rewrites the file when it changed; <c>./build.sh CheckWorkflows</c> fails when the committed one is stale.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class GitHubActionsAttribute(string name) : Attribute
{
    /// <summary>The workflow's name and file name.</summary>
    public string Name { get; } = name;

    /// <summary>The targets the workflow runs; their dependencies and triggers come along, as on the command line.</summary>
    public string[] InvokedTargets { get; init; } = [];

    public string[] OnPushBranches { get; init; } = [];
    public string[] OnPushTags { get; init; } = [];

    /// <summary>Runs on a push only when it changes one of these paths (push's <c>paths</c>).</summary>
    public string[] OnPushIncludePaths { get; init; } = [];

    /// <summary>Push's <c>paths-ignore</c>.</summary>
    public string[] OnPushExcludePaths { get; init; } = [];

    /// <summary>Runs on pull requests into these branches; <c>["*"]</c> for all. Empty: not on pull requests.</summary>
    public string[] OnPullRequestBranches { get; init; } = [];

    public string[] OnPullRequestIncludePaths { get; init; } = [];
    public string[] OnPullRequestExcludePaths { get; init; } = [];

    /// <summary>A cron expression (UTC) for <c>schedule</c>.</summary>
    public string? OnCronSchedule { get; init; }

    /// <summary>Adds <c>workflow_dispatch</c>; its typed inputs are <see cref="WorkflowDispatchInputs"/>.</summary>
    public bool OnWorkflowDispatch { get; init; }

    /// <summary>
    /// [Parameter] names offered as <c>workflow_dispatch</c> inputs: a bool becomes a boolean input, an enum a choice
    /// of its names, anything else a string. Implies <see cref="OnWorkflowDispatch"/>.
    /// </summary>
    public string[] WorkflowDispatchInputs { get; init; } = [];

    /// <summary>
    /// [Secret] parameters passed to the build as <c>NAME: ${{ secrets.NAME }}</c> environment entries. <c>Parameter=SECRET</c>
    /// names the repository secret when it differs from the parameter's name, e.g. <c>RegistryPassword=GITHUB_TOKEN</c>.
    /// </summary>
    public string[] ImportSecrets { get; init; } = [];

    /// <summary>
    /// Values of other [Parameter]s for every job, as <c>Parameter=VALUE</c>; the value may hold expressions such as
    /// <c>${{ github.actor }}</c>. They are environment entries, never words of a run line, so an expression can't inject commands.
    /// </summary>
    public string[] Parameters { get; init; } = [];

    /// <summary>Platforms of the matrix that per-platform jobs run on, each on its native runner, e.g. linux/amd64, linux/arm64.</summary>
    public string[] Platforms { get; init; } = [];

    /// <summary>Runner labels of the jobs that are not per platform.</summary>
    public string[] RunsOn { get; init; } = ["ubuntu-24.04"];

    public int TimeoutMinutes { get; init; } = 60;

    /// <summary>A concurrency group (expressions allowed); runs of one group wait for each other.</summary>
    public string? ConcurrencyGroup { get; init; }

    /// <summary>A new run of the concurrency group cancels the one in progress.</summary>
    public bool ConcurrencyCancelInProgress { get; init; }

    /// <summary>The deployment environment of the jobs that publish (those with a write permission, see <see cref="WorkflowPermissionAttribute"/>).</summary>
    public string? Environment { get; init; }
}
