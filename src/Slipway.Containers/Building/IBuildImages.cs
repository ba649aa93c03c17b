using Slipway.Build;
using Slipway.Build.Workflows.Rehearsal;
using Slipway.Containers.Images;
using Slipway.Containers.Machine;
using Slipway.Containers.Rehearsal;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Building;

/// <summary>Builds the stack's images with buildx bake for every requested platform and records their digests.</summary>
public interface IBuildImages : IRestore, IRehearseWorkflow
{
    [Parameter("Repository prefix of the built images: <prefix>/<service>:sha-<commit> (default: the compose project name)")]
    string? ImagePrefix => TryGetValue(() => ImagePrefix);

    [Parameter("An existing buildx builder to build with (remote BuildKit, kubernetes, a build cloud) instead of the engine's own")]
    string? Builder => TryGetValue(() => Builder);

    [Parameter("Where buildx keeps its layer cache: Local (under .nuke/temp), Gha, Registry (with --build-cache-ref) or None; default Local, and under GitHub Actions Gha when the cache service is exposed to run steps (ACTIONS_RUNTIME_TOKEN), else None")]
    LayerCache? BuildCache => TryGetValue<LayerCache?>(() => BuildCache);

    [Parameter("Registry repository prefix for --build-cache Registry, e.g. ghcr.io/acme/cache")]
    string? BuildCacheRef => TryGetValue(() => BuildCacheRef);

    [Parameter("Also attach buildx's own SPDX SBOM attestation to the images (the builder must be able to pull docker/buildkit-syft-scanner); provenance (mode=max) is always attached")]
    bool? BuildxSbom => TryGetValue<bool?>(() => BuildxSbom);

    [Parameter("Build arguments for every image, as KEY=VALUE (provenance records them: never pass a secret this way)")]
    string[]? BuildArg => TryGetValue(() => BuildArg);

    Target BuildImages => _ => _
        .Description("Builds the stack's images with buildx bake; digests go to artifacts/images.json")
        .DependsOn<IRestore>(x => x.Restore)
        .Produces("artifacts/images.json")
        .Validates(ct => StackInputs.ValidateAsync(this, ct))
        .Validates(ct => BuildInputs.ValidateAsync(this, ct))
        .Executes(ct => new BakeRun(this).RunAsync(ct));

    /// <summary>
    /// Called as images are loaded, while <paramref name="stillBuilding"/> may still be baking, so that a later target can
    /// start using them early; <paramref name="bakeRunning"/> when a bake still runs (it may only be exporting its layer
    /// cache). Nothing by default.
    /// </summary>
    Task ImagesLoadedAsync(IReadOnlyList<BuiltImage> images, IReadOnlyList<string> stillBuilding, bool bakeRunning, CancellationToken ct) => Task.CompletedTask;

    /// <summary>A hook to change the bake before it is planned (labels, attestations, the builder): override it in the build class.</summary>
    BakeRequest ConfigureBake(BakeRequest request) => request;

    /// <summary>A rehearsal removes the images its jobs built, as their runners would be thrown away with them.</summary>
    Task<IRehearsalStandIn> IRehearseWorkflow.StartRehearsalStandInAsync(RehearsalPlan plan, CancellationToken cancellationToken) => RehearsalStandIns.ImagesOnly(this);

    /// <summary>buildx's type=gha cache needs the cache service's token, which run steps only see when a step exposes it.</summary>
    LayerCache EffectiveCache => BuildCache ?? (!IsServerBuild ? LayerCache.Local
        : Context.Environment.GetValueOrDefault("ACTIONS_RUNTIME_TOKEN") is { Length: > 0 } ? LayerCache.Gha
        : LayerCache.None);
}
