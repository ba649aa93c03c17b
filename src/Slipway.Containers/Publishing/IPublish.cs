using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Containers.Building;
using Slipway.Containers.Scanning;
using Slipway.Containers.Smoke;

namespace Slipway.Containers.Publishing;

/// <summary>
/// Promotes the scanned, smoke-tested digests to a registry under semver tags and cuts the GitHub release.
/// In a workflow it runs once after every platform's job, merging their images into one index.
/// </summary>
[WorkflowJob("publish", Platforms = JobPlatforms.All, PlatformParameter = nameof(Platform), UsesDocker = true)]
[WorkflowPermission("packages", "write")]
[WorkflowPermission("contents", "write")]
public interface IPublish : IScanImages, ISmokeTest
{
    Target Publish => _ => _
        .Description("Pushes the tested image digests to the registry with version tags and creates the GitHub release")
        .DependsOn<ISmokeTest>(x => x.SmokeTest)
        .DependsOn<IScanImages>(x => x.ScanImages)
        .Consumes<IBuildImages>(x => x.BuildImages)
        .Executes(() => throw new TargetFailedException("Publish is not implemented yet."));
}
