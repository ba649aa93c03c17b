using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serilog;
using Slipway.Build.Processes;
using Slipway.Containers.Images;
using Slipway.Containers.Scanning.Advisories;
using Slipway.Containers.Scanning.Advisories.Trivy;
using Slipway.Containers.Scanning.Coverage;
using Slipway.Containers.Scanning.Findings;
using Slipway.Containers.Scanning.Inventory;
using Slipway.Containers.Scanning.Policy;
using Slipway.Containers.Scanning.Reports;

namespace Slipway.Containers.Scanning;

/// <summary>
/// The scan of images.json's images: inventory every platform image (SBOMs), match advisories with the chosen
/// backend, state which ecosystems could be checked, apply the policy, write the reports. The gate's verdict is the
/// caller's to act on.
/// </summary>
public sealed class ImageScanner(ImageReader reader, ProcessRunner processes, ILogger log)
{
    // Reports are read by people and tools, not embedded in HTML: '&' in a purl stays '&'.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToolVersion { get; } =
        typeof(ImageScanner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public async Task<ScanOutcome> ScanAsync(ImagesReport report, ScanSettings settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inventories = new List<ImageInventory>();
        foreach (var image in report.Images)
        {
            var watch = Stopwatch.StartNew();
            var (platforms, layerBytes, source) = await reader.ReadAsync(image, cancellationToken);
            var seconds = watch.Elapsed.TotalSeconds;
            log.Information("{Service}: {Platforms} inventoried from {Megabytes:0.0} MB of layers in {Seconds:0.0} s ({Rate:0} MB/s, {Source})",
                image.Service, string.Join(", ", platforms.Select(p => $"{p.Platform} {p.Packages.Count} packages")),
                layerBytes / 1e6, seconds, layerBytes / 1e6 / Math.Max(seconds, 0.001), source == ImageSource.ContentStore ? "containerd content store" : "Docker API export");
            inventories.AddRange(platforms);
        }

        Directory.CreateDirectory(settings.OutputDirectory);
        var sbomDirectory = Path.Combine(settings.OutputDirectory, "sbom");
        Directory.CreateDirectory(sbomDirectory);
        var sbomFiles = new List<string>();
        foreach (var inventory in inventories)
        {
            var file = Path.Combine(sbomDirectory, $"{inventory.Service}.{PlatformName.Of(inventory.Platform).Slug}.cdx.json");
            await WriteAsync(file, CycloneDxSbom.Create(inventory, ToolVersion, now), cancellationToken);
            sbomFiles.Add(file);
        }

        var (findings, coverage) = await MatchAsync(inventories, settings, cancellationToken);
        foreach (var image in coverage)
        foreach (var ecosystem in image.Unchecked)
            log.Warning("{Service} ({Platform}): its {Count} {Ecosystem} packages were not checked: {Reason}", image.Service, image.Platform, ecosystem.Packages, ecosystem.Ecosystem, ecosystem.Detail);
        var result = ScanPolicy.Evaluate(findings, settings.Policy, now);
        var verdict = ScanVerdict.Of(result, coverage, settings.RequireChecked);
        foreach (var warning in result.Warnings) log.Warning("{Warning}", warning);

        var sarif = Path.Combine(settings.OutputDirectory, "findings.sarif");
        var findingsFile = Path.Combine(settings.OutputDirectory, "findings.json");
        var summaryFile = Path.Combine(settings.OutputDirectory, "summary.md");
        await WriteAsync(sarif, SarifReport.Create(result, ToolVersion, verdict.NotCheckedSentence), cancellationToken);
        await WriteAsync(findingsFile, FindingsReport.Create(result, coverage), cancellationToken);
        var markdown = MarkdownSummary.Create(inventories, verdict, coverage);
        await File.WriteAllTextAsync(summaryFile, markdown, cancellationToken);

        foreach (var failing in result.Findings.Where(f => f.Status == FindingStatus.Failing).DistinctBy(f => f.Finding.DistinctKey))
        {
            var f = failing.Finding;
            log.Error("{Id} ({Severity}) in {Service}: {Package} {Version}, {Fix}", f.AdvisoryId, f.Severity.Label(), f.Service, f.PackageName, f.InstalledVersion,
                f.FixedVersion is { } fixedIn ? $"fixed in {fixedIn}" : "no fix known");
        }
        return new ScanOutcome(inventories, result, coverage, verdict, sbomFiles, sarif, findingsFile, summaryFile, markdown);
    }

    private async Task<(IReadOnlyList<Finding> Findings, IReadOnlyList<ImageCoverage> Coverage)> MatchAsync(
        IReadOnlyList<ImageInventory> inventories, ScanSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Backend == AdvisoryBackend.Trivy)
        {
            log.Information("Advisories: trivy");
            Directory.CreateDirectory(settings.WorkDirectory);
            var trivy = new TrivyScanner(processes);
            var findings = new List<Finding>();
            foreach (var inventory in inventories) findings.AddRange(await trivy.ScanAsync(inventory, settings.WorkDirectory, cancellationToken));
            return (findings, ScanCoverage.ByTrivy(inventories));
        }

        var advisories = new List<OsvAdvisory>();
        if (settings.AdvisoryDirectory is { } directory)
        {
            advisories.AddRange(AdvisoryDirectory.Load(directory));
            log.Information("Advisories: {Count} OSV records from {Directory}", advisories.Count, directory);
        }
        var osvApiAnswered = false;
        if (settings.OsvApi is { } endpoint)
        {
            using var http = OsvApiClient.CreateHttpClient(endpoint);
            if (await new OsvApiClient(http, log).QueryAsync(inventories.SelectMany(i => i.Packages).ToList(), cancellationToken) is { } answer)
            {
                advisories.AddRange(answer);
                osvApiAnswered = true;
            }
        }
        if (advisories.Count == 0)
            log.Warning("No advisories to match (no --advisories directory, OSV API off or unreachable): the scan lists packages but cannot find vulnerabilities");

        var matcher = new AdvisoryMatcher(advisories);
        var matched = inventories.SelectMany(matcher.Match).ToList();
        foreach (var unevaluated in matcher.Unevaluated)
            log.Warning("Advisory {Advisory}: its ranges could not be evaluated (no version ordering for the ecosystem, or unreadable versions)", unevaluated);
        return (matched, ScanCoverage.ByAdvisories(inventories, matcher, osvApiAnswered));
    }

    private static Task WriteAsync(string file, JsonNode document, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(file, document.ToJsonString(Indented) + "\n", cancellationToken);
}
