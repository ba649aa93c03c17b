using Slipway.Build;
using Slipway.Build.Workflows.Rehearsal;
using Slipway.Containers.Building;
using Slipway.Containers.Rehearsal;
using Slipway.Containers.Scanning;
using Slipway.Containers.Smoke;

namespace Slipway.Containers.Publishing;

/// <summary>
/// Promotes the scanned, smoke-tested digests to a registry under semver tags, signs and attests them, and cuts the
/// GitHub release. On one machine it pushes the local multi-platform images of images.json; in a workflow's merge job,
/// given each platform's artifacts/platforms/{slug}/pushed.json, it composes each service's index from the manifests
/// PushByDigest pushed. Only the job that signs keyless is given an OIDC token.
/// </summary>
[WorkflowJob("publish", Platforms = JobPlatforms.All, PlatformParameter = nameof(Platform))]
[WorkflowPermission("packages", "write")]
[WorkflowPermission("contents", "write")]
[WorkflowPermission("id-token", "write", When = "Signing=Keyless")]
public interface IPublish : IVerifyImages
{
    [Parameter("Token for creating the GitHub release (only releases from a version tag are created)")]
    [Secret]
    string? GitHubToken => TryGetValue(() => GitHubToken);

    [Parameter("owner/name of the GitHub repository (default: GITHUB_REPOSITORY, else the origin remote)")]
    string? GitHubRepository => TryGetValue(() => GitHubRepository);

    [Parameter("GitHub's API address, e.g. https://ghe.example.com/api/v3 (default: https://api.github.com/)")]
    string? GitHubApiUrl => TryGetValue(() => GitHubApiUrl);

    /// <summary>A rehearsal publishes to --registry or a throw-away registry, and never cuts a GitHub release: the token is withheld.</summary>
    Task<IRehearsalStandIn> IRehearseWorkflow.StartRehearsalStandInAsync(RehearsalPlan plan, CancellationToken cancellationToken) =>
        RehearsalStandIns.WithRegistryAsync(this, plan, [nameof(GitHubToken)], cancellationToken);

    Target Publish => _ => _
        .Description("Pushes the tested image digests to the registry with version tags and creates the GitHub release")
        .DependsOn<ISmokeTest>(x => x.SmokeTest)
        .DependsOn<IScanImages>(x => x.ScanImages)
        .Consumes<IBuildImages>(x => x.BuildImages)
        .Consumes<IScanImages>(x => x.ScanImages)
        .Consumes<IPushByDigest>(x => x.PushByDigest)
        .Validates(() => PublishInputs.ValidateRegistry(this))
        .Validates(() => PublishInputs.ValidateVersion(this))
        .Validates(() => PublishInputs.ValidateSigning(this))
        .Before<IVerifyImages>(x => x.VerifyImages)
        .Executes(ct => new Publisher(this).RunAsync(ct));
}
