using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Containers.Machine;

namespace Slipway.Containers.Building;

/// <summary>Builds the stack's images with buildx bake for every requested platform and records their digests.</summary>
public interface IBuildImages : IRestore
{
    Target BuildImages => _ => _
        .Description("Builds the stack's images with buildx bake; digests go to artifacts/images.json")
        .DependsOn<IRestore>(x => x.Restore)
        .Produces("artifacts/images.json")
        .Executes(() => throw new TargetFailedException("BuildImages is not implemented yet."));
}
