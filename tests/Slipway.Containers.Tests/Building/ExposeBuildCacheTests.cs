using Slipway.Build;
using Slipway.Containers.Building;

namespace Slipway.Containers.Tests.Building;

public class ExposeBuildCacheTests
{
    [Fact]
    public void The_image_jobs_step_hands_buildx_the_cache_services_variables_with_GitHubs_own_pinned_action()
    {
        var step = new ExposeBuildCache().Create(ActionPins.Default);
        Assert.Equal(ActionPins.Default.Uses(ActionPins.GitHubScript), step.Uses);
        Assert.True(ActionPins.IsGitHubOwned(ActionPins.GitHubScript));
        var script = (string)step.With.Single(w => w.Key == "script").Value;
        foreach (var name in new[] { "ACTIONS_CACHE_URL", "ACTIONS_CACHE_SERVICE_V2", "ACTIONS_RESULTS_URL", "ACTIONS_RUNTIME_TOKEN" })
            Assert.Contains($"'{name}'", script);
        Assert.Contains("core.exportVariable(name, process.env[name])", script);
    }
}
