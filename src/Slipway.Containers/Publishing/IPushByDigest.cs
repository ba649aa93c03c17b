using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Build.Workflows.Rehearsal;
using Slipway.Containers.Building;
using Slipway.Containers.Publishing.Registry;
using Slipway.Containers.Rehearsal;
using Slipway.Containers.Scanning;
using Slipway.Containers.Smoke;

namespace Slipway.Containers.Publishing;

/// <summary>
/// The registry to publish to, and the per-platform half of a multi-machine release: each platform's machine pushes its
/// scanned, smoke-tested image manifests by digest only (no tag anyone could pull as a release) and hands what it pushed
/// to the merge job, whose Publish lists them in one index. In a workflow it runs in each platform's job, after SmokeTest.
/// </summary>
[WorkflowJob("images", Platforms = JobPlatforms.Each, PlatformParameter = nameof(Platform), SetupSteps = [typeof(ExposeBuildCache)])]
[WorkflowPermission("packages", "write")]
public interface IPushByDigest : IScanImages, ISmokeTest
{
    [Parameter("Registry and namespace to publish to, e.g. ghcr.io/acme or localhost:5000/acme (default: a throw-away local registry, a dry run)")]
    string? Registry => TryGetValue(() => Registry);

    [Parameter("User name for the registry")]
    string? RegistryUsername => TryGetValue(() => RegistryUsername);

    [Parameter("Password or token for the registry")]
    [Secret]
    string? RegistryPassword => TryGetValue(() => RegistryPassword);

    /// <summary>The login, when a user name is given; it travels in HTTP headers only.</summary>
    RegistryCredentials? RegistryLogin =>
        RegistryUsername is { Length: > 0 } user
            ? new RegistryCredentials(user, RegistryPassword ?? throw new TargetFailedException("--registry-username is set but --registry-password is not."))
            : null;

    /// <summary>artifacts/pushed.json: what PushByDigest pushed, service → platform → manifest digest.</summary>
    AbsolutePath PushReportFile => ArtifactsDirectory / "pushed.json";

    /// <summary>A rehearsal publishes to --registry, else to a throw-away registry all its jobs share.</summary>
    Task<IRehearsalStandIn> IRehearseWorkflow.StartRehearsalStandInAsync(RehearsalPlan plan, CancellationToken cancellationToken) =>
        RehearsalStandIns.WithRegistryAsync(this, plan, [], cancellationToken);

    Target PushByDigest => _ => _
        .Description("Pushes each built platform image to the registry by digest only, without a tag, for Publish to merge into one index")
        .DependsOn<ISmokeTest>(x => x.SmokeTest)
        .DependsOn<IScanImages>(x => x.ScanImages)
        .Consumes<IBuildImages>(x => x.BuildImages)
        .Requires(() => Registry)
        .Validates(() => PublishInputs.ValidateRegistry(this))
        .Produces("artifacts/pushed.json")
        .Executes(ct => new DigestPushRun(this).RunAsync(ct));
}
