using System.Diagnostics;
using System.Text.Json.Nodes;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Slipway.Containers.Scanning;
using Slipway.Containers.Scanning.Findings;
using Slipway.Containers.Scanning.Inventory;
using Slipway.Containers.Scanning.Policy;
using Slipway.IntegrationTests.Support;
using Slipway.Tests.Shared;

namespace Slipway.IntegrationTests.Scanning;

/// <summary>ScanImages' scanner on the reference stack's real api image, through the real engine, with advisories naming what is really installed.</summary>
public sealed class ScanReferenceImageTests(ApiImage api) : IClassFixture<ApiImage>, IDisposable
{
    private static readonly DateTimeOffset Today = new(DateTime.UtcNow.Date, TimeSpan.Zero);

    private readonly string _output = Directory.CreateTempSubdirectory("slipway-scan-out-").FullName;
    private readonly TestAdvisories _advisories = new();
    private readonly List<string> _log = [];

    public void Dispose()
    {
        Directory.Delete(_output, recursive: true);
        _advisories.Dispose();
    }

    private async Task<ScanOutcome> ScanAsync(string ignores = "", DateTimeOffset? now = null)
    {
        var ignoreFile = Path.Combine(_output, ".trivyignore");
        await File.WriteAllTextAsync(ignoreFile, ignores);
        using var docker = new Docker.DotNet.DockerClientBuilder().Build();
        var log = new LoggerConfiguration().WriteTo.Sink(new ListSink(_log)).CreateLogger();
        using var reader = ImageReader.ForEngine(docker, log, ProcessEnvironment.Current);
        var scanner = new ImageScanner(reader, api.Processes, log);
        return await scanner.ScanAsync(api.Report(), new ScanSettings
        {
            AdvisoryDirectory = _advisories.Directory,
            // A closed loopback port: the OSV API is unreachable, as on an air-gapped machine.
            OsvApi = new Uri($"http://127.0.0.1:{FreePort.Pick()}/"),
            Backend = AdvisoryBackend.Builtin,
            Policy = new PolicySettings(Severity.High, false, IgnoreFile.Load(ignoreFile)),
            OutputDirectory = _output,
            WorkDirectory = Path.Combine(_output, "work"),
        }, now ?? DateTimeOffset.UtcNow, CancellationToken.None);
    }

    [Fact]
    public async Task Sbom_lists_what_dpkg_query_lists_and_the_api_nuget_packages()
    {
        var installed = await api.DpkgQueryAsync();
        var outcome = await ScanAsync();

        var inventory = Assert.Single(outcome.Inventories);
        Assert.Equal(api.Platform, inventory.Platform);
        var debian = inventory.Packages.Where(p => p.Ecosystem == Ecosystems.Debian).ToList();
        Assert.Equal(installed.Count, debian.Count);
        Assert.Equal(installed.OrderBy(p => p.Key, StringComparer.Ordinal), debian.Select(p => KeyValuePair.Create($"{p.Name}:{p.Architecture}", p.Version)).OrderBy(p => p.Key, StringComparer.Ordinal));

        var sbomFile = Assert.Single(outcome.SbomFiles);
        var sbomText = await File.ReadAllTextAsync(sbomFile);
        Assert.Empty(await Conformance.CycloneDxErrorsAsync(sbomText));
        var purls = JsonNode.Parse(sbomText)!["components"]!.AsArray().Select(c => (string?)c!["purl"]).OfType<string>().ToList();
        Assert.Equal(installed.Count, purls.Count(p => p.StartsWith("pkg:deb/debian/", StringComparison.Ordinal)));
        Assert.Contains($"pkg:nuget/Npgsql@{api.DeclaredPackageVersion("Npgsql")}", purls);
        Assert.Contains($"pkg:nuget/StackExchange.Redis@{api.DeclaredPackageVersion("StackExchange.Redis")}", purls);
        Assert.Contains(_log, line => line.Contains("OSV API") && line.Contains("not reachable"));
    }

    [Fact]
    public async Task Gate_fails_at_high_passes_while_ignored_and_fails_again_once_the_ignore_expires()
    {
        var installed = await api.DpkgQueryAsync();
        var zlib = installed.Single(p => p.Key.StartsWith("zlib1g:", StringComparison.Ordinal)).Value;
        var libc = installed.Single(p => p.Key.StartsWith("libc6:", StringComparison.Ordinal)).Value;
        var npgsql = api.DeclaredPackageVersion("Npgsql");
        var redis = api.DeclaredPackageVersion("StackExchange.Redis");
        // A base-image library by its source package, as Debian's advisories name it; fixed in a later revision.
        _advisories.Add("SLIPWAY-TEST-DEB-1", "Debian:12", "zlib", "HIGH", null, TestAdvisories.Introduced("0"), TestAdvisories.Fixed(zlib + "+slipway1"));
        // An api NuGet package, its severity from a CVSS vector only (9.8, critical).
        _advisories.Add("SLIPWAY-TEST-NUGET-1", "NuGet", "Npgsql", null, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", TestAdvisories.Introduced("0"), TestAdvisories.Fixed(npgsql + ".1"));
        // Packages already at the fixed version: not reported.
        _advisories.Add("SLIPWAY-TEST-FIXED-1", "Debian:12", "glibc", "CRITICAL", null, TestAdvisories.Introduced("0"), TestAdvisories.Fixed(libc));
        _advisories.Add("SLIPWAY-TEST-FIXED-2", "NuGet", "StackExchange.Redis", "CRITICAL", null, TestAdvisories.Introduced("0"), TestAdvisories.Fixed(redis));

        var watch = Stopwatch.StartNew();
        var failing = await ScanAsync();
        Assert.False(failing.Policy.Passed);
        Assert.Equal("1 critical, 1 high", failing.Policy.Summary);
        var reported = failing.Policy.Findings.Select(f => (f.Finding.AdvisoryId, f.Finding.PackageName, f.Finding.InstalledVersion, f.Status)).Order().ToList();
        Assert.Equal([("SLIPWAY-TEST-DEB-1", "zlib1g", zlib, FindingStatus.Failing), ("SLIPWAY-TEST-NUGET-1", "Npgsql", npgsql, FindingStatus.Failing)], reported);
        Assert.Contains("SLIPWAY-TEST-DEB-1", await File.ReadAllTextAsync(failing.SarifFile));
        Assert.Empty(await Conformance.SarifErrorsAsync(await File.ReadAllTextAsync(failing.SarifFile)));
        Assert.Contains("**failing**", await File.ReadAllTextAsync(failing.SummaryFile));
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(3), $"The scan took {watch.Elapsed}, unreachable OSV API included.");

        var expiry = Today.AddDays(30);
        var ignores = $"SLIPWAY-TEST-DEB-1 exp:{expiry:yyyy-MM-dd}\nSLIPWAY-TEST-NUGET-1 exp:{expiry:yyyy-MM-dd}\n";
        var ignored = await ScanAsync(ignores, now: Today);
        Assert.True(ignored.Policy.Passed);
        Assert.Equal("no findings at or above HIGH (2 ignored)", ignored.Policy.Summary);
        Assert.Empty(ignored.Policy.Warnings);

        var expired = await ScanAsync(ignores, now: expiry.AddDays(1));
        Assert.False(expired.Policy.Passed);
        Assert.Equal("1 critical, 1 high", expired.Policy.Summary);
        Assert.Equal(2, expired.Policy.Warnings.Count(w => w.Contains("expired")));
    }

    private sealed class ListSink(List<string> lines) : ILogEventSink
    {
        public void Emit(LogEvent logEvent)
        {
            lock (lines) lines.Add(logEvent.RenderMessage());
        }
    }
}
