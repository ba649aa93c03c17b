using Slipway.Build.Processes;
using Docker.DotNet;
using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Containers.Building;
using Slipway.Containers.Compose;
using Slipway.Containers.Engine;
using Slipway.Containers.Images;
using Slipway.Containers.Scanning.Advisories;
using Slipway.Containers.Scanning.Coverage;
using Slipway.Containers.Scanning.Findings;
using Slipway.Containers.Scanning.Inventory;
using Slipway.Containers.Scanning.Policy;

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
    ScanBackend? ScanBackend => TryGetValue<ScanBackend?>(() => ScanBackend);

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
        .Executes(async ct =>
        {
            var report = BuildReport.Load(BuildReportFile);
            var scanDirectory = ArtifactsDirectory / "scan";
            var settings = new ScanSettings
            {
                AdvisoryDirectory = Advisories?.Value,
                OsvApi = ScanInputs.OsvEndpoint(OsvApi),
                Backend = ScanBackend is null or Scanning.ScanBackend.Auto
                    ? Context.Executables.Find("trivy") is null ? Scanning.ScanBackend.Builtin : Scanning.ScanBackend.Trivy
                    : ScanBackend.Value,
                RequireChecked = ScanFailUnchecked ?? false,
                Policy = new PolicySettings(ScanSeverity ?? Severity.High, ScanIgnoreUnfixed ?? false, ScanInputs.IgnoreFileOf(this)),
                OutputDirectory = scanDirectory,
                WorkDirectory = TemporaryDirectory / "scan",
            };

            using var docker = DockerEngine.ConnectForTransfers();
            using var reader = ImageReader.ForEngine(docker, Log);
            var scanner = new ImageScanner(reader, Processes, Log);
            var outcome = await scanner.ScanAsync(report, settings, DateTimeOffset.UtcNow, ct);
            Host.AppendStepSummary(outcome.Markdown);
            Log.Information("Reports: {Directory} ({Sboms} SBOMs, findings.sarif, findings.json, summary.md)", scanDirectory.RelativeTo(RootDirectory), outcome.SbomFiles.Count);
            ReportSummary(outcome.Verdict.Summary);
            if (outcome.Verdict.Failure((scanDirectory / "summary.md").RelativeTo(RootDirectory)) is { } failure)
                throw new TargetFailedException(failure);
        });
}
