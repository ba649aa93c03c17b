namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>How the rehearsal treats a step.</summary>
public enum StepKind
{
    /// <summary>A <c>run:</c> step: bash in the step's working directory.</summary>
    Run,

    /// <summary><c>actions/checkout</c>: a fresh clone of the rehearsed commit.</summary>
    Checkout,

    /// <summary><c>actions/upload-artifact</c>: into the rehearsal's artifact folder.</summary>
    Upload,

    /// <summary><c>actions/download-artifact</c>: out of the rehearsal's artifact folder.</summary>
    Download,

    /// <summary>An action that only means something on GitHub; skipped, with the reason.</summary>
    GitHubOnly,

    /// <summary>An action the rehearsal doesn't know; skipped, and said so.</summary>
    Unknown,
}

public sealed record PlannedStep(StepDefinition Step, StepKind Kind, string? SkipReason = null);

/// <summary>
/// One run of a job: a matrix leg, or the job itself. A leg for another platform is not rehearsed unless it is emulated.
/// <see cref="Env"/> is the workflow's and the job's environment with their expressions resolved; <see cref="Uploads"/>
/// names the artifacts its upload steps would make, so that a missing one can be explained.
/// </summary>
public sealed record JobRun(
    JobDefinition Job,
    IReadOnlyDictionary<string, string> Matrix,
    string Title,
    string? Platform,
    string? NotRehearsed,
    IReadOnlyList<KeyValuePair<string, string>> Env,
    IReadOnlyList<PlannedStep> Steps,
    IReadOnlyList<string> Uploads)
{
    /// <summary>A name for files: <c>images-linux-amd64-ubuntu-24.04-linux-amd64</c>.</summary>
    public string FileName => string.Concat(Title.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-')).Trim('-').Replace("--", "-");
}

/// <summary>What a rehearsal will do: every job run in <c>needs</c> order, each with its environment and steps.</summary>
public sealed record RehearsalPlan(WorkflowDefinition Workflow, RehearsalContext Context, IReadOnlyList<JobRun> Runs);
