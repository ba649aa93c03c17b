using Slipway.Build.Processes;
using Slipway.Containers.Images;
using Slipway.Containers.Scanning.Findings;
using Slipway.Containers.Scanning.Inventory;

namespace Slipway.Containers.Scanning.Advisories.Trivy;

/// <summary>The trivy backend: runs <c>trivy image</c> on a platform image in the engine and normalizes its JSON report.</summary>
public sealed class TrivyScanner(ProcessRunner processes)
{
    public async Task<IReadOnlyList<Finding>> ScanAsync(ImageInventory inventory, string workDirectory, CancellationToken cancellationToken)
    {
        var report = Path.Combine(workDirectory, $"trivy-{inventory.Service}-{PlatformName.Of(inventory.Platform).Slug}.json");
        // Run in a scratch directory so trivy does not apply a .trivyignore of its own: the policy is Slipway's.
        await processes.RunAsync("trivy",
            ["image", "--image-src", "docker", "--platform", inventory.Platform, "--format", "json", "--output", report, "--quiet", $"{inventory.Repository}@{inventory.ImageDigest}"],
            new ProcessOptions { WorkingDirectory = workDirectory }, cancellationToken);
        return TrivyReport.Normalize(await File.ReadAllTextAsync(report, cancellationToken), inventory, report);
    }
}
