using Slipway.Build;
using Slipway.Containers.Building;
using Slipway.Containers.Compose;
using Slipway.Containers.Scanning.Findings;

namespace Slipway.Containers.Scanning;

/// <summary>Inventories every built image (SBOM), matches advisories and gates on a severity policy.</summary>
public interface IScanImages : IBuildImages
{
    [Parameter("Directory of OSV advisories (*.json) to match: the mirror an air-gapped machine keeps")]
    AbsolutePath? Advisories => TryGetValue(() => Advisories);

    [Parameter("Fail on findings at or above this severity: Low, Medium, High or Critical (default High)")]
    Severity? ScanSeverity => TryGetValue<Severity?>(() => ScanSeverity);

    [Parameter("Ignore findings for which no fixed version is known")]
    bool? ScanIgnoreUnfixed => TryGetValue<bool?>(() => ScanIgnoreUnfixed);

    [Parameter("Ignore file in .trivyignore syntax ('ID' or 'ID exp:YYYY-MM-DD' per line; default: .trivyignore at the root when present)")]
    AbsolutePath? ScanIgnoreFile => TryGetValue(() => ScanIgnoreFile);

    [Parameter("Advisory backend: Auto (trivy when on PATH, else builtin), Builtin or Trivy")]
    AdvisoryBackend? ScanBackend => TryGetValue<AdvisoryBackend?>(() => ScanBackend);

    [Parameter("Fail the scan when packages could not be checked for vulnerabilities (no advisories for their ecosystem, or no version ordering)")]
    bool? ScanFailUnchecked => TryGetValue<bool?>(() => ScanFailUnchecked);

    [Parameter("OSV API endpoint the builtin backend also asks when reachable (default https://api.osv.dev/; 'off' for --advisories only)")]
    string? OsvApi => TryGetValue(() => OsvApi);

    [UploadSarif("artifacts/scan")]
    Target ScanImages => _ => _
        .Description("Writes SBOMs of the built images, matches advisories and fails on findings at or above the threshold")
        .DependsOn<IBuildImages>(x => x.BuildImages)
        .TryDependentFor<IComposeUp>(x => x.ComposeUp)
        .Consumes<IBuildImages>(x => x.BuildImages)
        .Produces("artifacts/scan/**")
        .Validates(() => ScanInputs.Validate(this))
        .Executes(ct => new ScanRun(this).RunAsync(ct));

    /// <summary>A hook to change the scan's settings (advisory source, policy, backend) before it runs: override it in the build class.</summary>
    ScanSettings ConfigureScan(ScanSettings settings) => settings;
}
