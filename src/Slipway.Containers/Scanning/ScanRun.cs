using Slipway.Build.Execution;
using Slipway.Containers.Engine;
using Slipway.Containers.Images;
using Slipway.Containers.Scanning.Findings;
using Slipway.Containers.Scanning.Inventory;
using Slipway.Containers.Scanning.Policy;

namespace Slipway.Containers.Scanning;

/// <summary>One run of ScanImages: the settings from the parameters, the scan of images.json's digests, and the verdict.</summary>
internal sealed class ScanRun(IScanImages build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var report = ImagesReport.Load(build.ImagesFile);
        var scanDirectory = build.ArtifactsDirectory / "scan";
        var settings = build.ConfigureScan(new ScanSettings
        {
            AdvisoryDirectory = build.Advisories?.Value,
            OsvApi = ScanInputs.OsvEndpoint(build.OsvApi),
            Backend = build.ScanBackend is null or AdvisoryBackend.Auto
                ? build.Context.Executables.Find("trivy") is null ? AdvisoryBackend.Builtin : AdvisoryBackend.Trivy
                : build.ScanBackend.Value,
            RequireChecked = build.ScanFailUnchecked ?? false,
            Policy = new PolicySettings(build.ScanSeverity ?? Severity.High, build.ScanIgnoreUnfixed ?? false, ScanInputs.IgnoreFileOf(build)),
            OutputDirectory = scanDirectory,
            WorkDirectory = build.TemporaryDirectory / "scan",
        });

        using var docker = DockerEngine.ConnectForTransfers();
        using var reader = ImageReader.ForEngine(docker, build.Log, build.Context.Environment);
        var outcome = await new ImageScanner(reader, build.Processes, build.Log).ScanAsync(report, settings, DateTimeOffset.UtcNow, ct);
        build.Host.AppendStepSummary(outcome.Markdown);
        build.Log.Information("Reports: {Directory} ({Sboms} SBOMs, findings.sarif, findings.json, summary.md)", scanDirectory.RelativeTo(build.RootDirectory), outcome.SbomFiles.Count);
        build.ReportSummary(outcome.Verdict.Summary);
        if (outcome.Verdict.Failure((scanDirectory / "summary.md").RelativeTo(build.RootDirectory)) is { } failure)
            throw new TargetFailedException(failure);
    }
}
