using Slipway.Build.Workflows.Rehearsal;

namespace Slipway.Build;

/// <summary>
/// Rehearses a committed workflow on this machine: its jobs in <c>needs</c> order, each matrix leg this machine can run,
/// each job in a fresh clone of HEAD with the environment GitHub would give it, its run steps in bash, and a folder in
/// place of the artifact store; steps that only mean something on GitHub are skipped with the reason.
/// </summary>
public interface IRehearseWorkflow : ISlipwayBuild
{
    [Parameter("The workflow to rehearse: its file name in .github/workflows without .yml, e.g. ci or release")]
    string? Workflow => TryGetValue(() => Workflow);

    [Parameter("Matrix legs of other platforms to rehearse too, under QEMU, e.g. linux/arm64 (default: this machine's platform only)")]
    string[]? RehearsePlatform => TryGetValue(() => RehearsePlatform);

    [Parameter("Names of the secrets the rehearsed jobs get; each value comes from the environment variable of that name (others read as empty, as unset secrets do)")]
    string[]? RehearsalSecret => TryGetValue(() => RehearsalSecret);

    [Parameter("Inputs of a manual run (workflow_dispatch) as NAME=VALUE; without them a push is rehearsed")]
    string[]? RehearsalInput => TryGetValue(() => RehearsalInput);

    [Parameter("Repository variables (vars.NAME) the rehearsed jobs read, as NAME=VALUE")]
    string[]? RehearsalVariable => TryGetValue(() => RehearsalVariable);

    [Parameter("Environment variables every rehearsed job gets over the workflow's, as NAME=VALUE: what this machine needs in place of a service it can't reach, e.g. ADVISORIES=/srv/osv-mirror (never a secret: use --rehearsal-secret)")]
    string[]? RehearsalEnv => TryGetValue(() => RehearsalEnv);

    /// <summary>
    /// What stands in during a rehearsal for a service GitHub's runners reach and this machine does not (a registry, say),
    /// and clears up after each job what a discarded runner would take with it. None by default.
    /// </summary>
    Task<IRehearsalStandIn> StartRehearsalStandInAsync(RehearsalPlan plan, CancellationToken cancellationToken) =>
        Task.FromResult<IRehearsalStandIn>(new NoStandIn());

    Target RehearseWorkflow => _ => _
        .Description("Rehearses a committed workflow here: each job in needs order in a fresh clone of HEAD, artifacts handed over through a folder; logs and summary in artifacts/rehearsal")
        .Requires(() => Workflow)
        .Produces("artifacts/rehearsal/**")
        .Executes(ct => new RehearsalRun(this).RunAsync(ct));
}
