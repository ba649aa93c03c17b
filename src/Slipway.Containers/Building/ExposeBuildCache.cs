using Slipway.Build;
using Slipway.Build.Workflows;

namespace Slipway.Containers.Building;

/// <summary>
/// The setup step of a job that builds images: run steps don't see the Actions cache service's address and token that
/// buildx's <c>type=gha</c> cache reads, and GitHub's own script action hands them on (older and newer cache services),
/// so that no third party's action runs in a job that holds write permissions. Restore sets up the engine and buildx.
/// </summary>
public sealed class ExposeBuildCache : IWorkflowSetupStep
{
    private const string Script =
        """
        for (const name of ['ACTIONS_CACHE_URL', 'ACTIONS_CACHE_SERVICE_V2', 'ACTIONS_RESULTS_URL', 'ACTIONS_RUNTIME_TOKEN']) {
          if (process.env[name]) core.exportVariable(name, process.env[name]);
        }
        """;

    public Step Create(ActionPins pins) =>
        new("Expose the Actions cache service to buildx (type=gha)", pins.Uses(ActionPins.GitHubScript))
        {
            UsesVersion = pins.Version(ActionPins.GitHubScript),
            With = [new("script", Script)],
        };
}
