using Slipway.Build;
using Slipway.Containers.Machine;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Building;

/// <summary>Builds the stack's images with buildx bake for every requested platform and records their digests.</summary>
public interface IBuildImages : IRestore
{
    [Parameter("Repository prefix of the built images: <prefix>/<service>:sha-<commit> (default: the compose project name)")]
    string? ImagePrefix => TryGetValue(() => ImagePrefix);

    [Parameter("An existing buildx builder to build with (remote BuildKit, kubernetes, a build cloud) instead of the engine's own")]
    string? Builder => TryGetValue(() => Builder);

    [Parameter("Where buildx keeps its layer cache: Local (under .nuke/temp), Gha, Registry (with --build-cache-ref) or None; default Local, Gha under GitHub Actions")]
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

    /// <summary>A hook to change the bake before it is planned (labels, attestations, the builder): override it in the build class.</summary>
    BakeRequest ConfigureBake(BakeRequest request) => request;

    LayerCache EffectiveCache => BuildCache ?? (IsServerBuild ? LayerCache.Gha : LayerCache.Local);
}
