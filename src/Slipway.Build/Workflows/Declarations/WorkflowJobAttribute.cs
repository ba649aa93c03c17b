namespace Slipway.Build;

/// <summary>
/// Groups targets into one workflow job because they share state that an artifact can't carry, such as what one
/// machine holds between them. On a target property it applies to that target; on a component interface to the
/// component's targets and to those of the components that extend it, unless they declare their own.
/// A target without a declaration joins the job of the targets it depends on when they share one (the state it reads
/// from them is unknown), and gets a job of its own otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Property)]
public sealed class WorkflowJobAttribute(string name) : Attribute
{
    /// <summary>The job's id in the workflow.</summary>
    public string Name { get; } = name;

    /// <summary>How the job relates to the workflow's <see cref="GitHubActionsAttribute.Platforms"/>.</summary>
    public JobPlatforms Platforms { get; init; } = JobPlatforms.None;

    /// <summary>The [Parameter] that takes the platform(s) on the job's <c>./build.sh</c> line.</summary>
    public string? PlatformParameter { get; init; }

    /// <summary>Steps the job runs after checkout and before its targets, each a type implementing <see cref="IWorkflowSetupStep"/>.</summary>
    public Type[] SetupSteps { get; init; } = [];
}

public enum JobPlatforms
{
    /// <summary>One job on the workflow's <see cref="GitHubActionsAttribute.RunsOn"/> runner.</summary>
    None,

    /// <summary>A matrix: one job per platform on the platform's native runner, given that platform.</summary>
    Each,

    /// <summary>One job given all platforms, e.g. the merge of per-platform images into one index.</summary>
    All,
}
