using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Containers.Building;
using Slipway.Containers.Compose;

namespace Slipway.Containers.Scanning;

/// <summary>Inventories every built image (SBOM), matches advisories and gates on a severity policy.</summary>
public interface IScanImages : IBuildImages
{
    [UploadSarif("artifacts/scan")]
    Target ScanImages => _ => _
        .Description("Writes SBOMs of the built images, matches advisories and fails on findings at or above the threshold")
        .DependsOn<IBuildImages>(x => x.BuildImages)
        .DependentFor<IComposeUp>(x => x.ComposeUp)
        .Consumes<IBuildImages>(x => x.BuildImages)
        .Produces("artifacts/scan/**")
        .Executes(() => throw new TargetFailedException("ScanImages is not implemented yet."));
}
