using System.Text.Json.Nodes;
using Slipway.Containers.Scanning.Findings;
using Slipway.Containers.Scanning.Inventory;
using Slipway.Containers.Scanning.Policy;
using Slipway.Containers.Scanning;
using Slipway.IntegrationTests.Support;
using Slipway.Tests.Shared;

namespace Slipway.IntegrationTests.Scanning;

/// <summary>
/// ScanImages' scanner on an Alpine 3.19 image with a Spring Boot fat jar, through the real engine, against small OSV
/// records laden with traps: only the true advisories may match, and the gate fails on them.
/// </summary>
public sealed class ScanAlpineAndJavaTests(AlpineJavaImage image) : IClassFixture<AlpineJavaImage>, IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("slipway-scan-out-").FullName;
    private readonly TestAdvisories _advisories = new();

    public void Dispose()
    {
        Directory.Delete(_output, recursive: true);
        _advisories.Dispose();
    }

    private async Task<ScanOutcome> ScanAsync()
    {
        using var docker = new Docker.DotNet.DockerClientBuilder().Build();
        using var reader = ImageReader.ForEngine(docker, Serilog.Core.Logger.None, ProcessEnvironment.Current);
        return await new ImageScanner(reader, image.Processes, Serilog.Core.Logger.None).ScanAsync(image.Report(), new ScanSettings
        {
            AdvisoryDirectory = _advisories.Directory,
            // A closed loopback port: the OSV API is unreachable, as on an air-gapped machine.
            OsvApi = new Uri($"http://127.0.0.1:{FreePort.Pick()}/"),
            Backend = AdvisoryBackend.Builtin,
            Policy = new PolicySettings(Severity.High, false, IgnoreFile.Empty),
            OutputDirectory = _output,
            WorkDirectory = Path.Combine(_output, "work"),
        }, DateTimeOffset.UtcNow, CancellationToken.None);
    }

    /// <summary>An OSV record naming one package with one ECOSYSTEM range; extra is more top-level fields.</summary>
    private void Advisory(string id, string ecosystem, string package, string events, string extra = "") => _advisories.AddRecord(id, $$"""
        {
          "schema_version": "1.6.0",
          "id": "{{id}}",
          "modified": "2026-01-01T00:00:00Z",
          "summary": "Test advisory for {{package}}; not a real vulnerability",
          "affected": [ { "package": { "ecosystem": "{{ecosystem}}", "name": "{{package}}" },
                          "ranges": [ { "type": "ECOSYSTEM", "events": [ {{events}} ] } ] } ]
          {{extra}}
        }
        """);

    [Fact]
    public async Task Sbom_lists_the_apk_and_the_maven_packages_and_the_summary_says_they_were_not_checked()
    {
        var outcome = await ScanAsync();

        var sbom = JsonNode.Parse(await File.ReadAllTextAsync(Assert.Single(outcome.SbomFiles)))!;
        var purls = sbom["components"]!.AsArray().Select(c => (string?)c!["purl"]).OfType<string>().ToList();
        Assert.Equal(
            [
                "pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1",
                "pkg:apk/alpine/libcrypto3@3.1.4-r5?arch=x86_64&distro=alpine-3.19.1&upstream=openssl",
                "pkg:apk/alpine/libssl3@3.1.4-r5?arch=x86_64&distro=alpine-3.19.1&upstream=openssl",
                "pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64&distro=alpine-3.19.1",
                "pkg:apk/alpine/openssh-client-default@9.6_p1-r0?arch=x86_64&distro=alpine-3.19.1&upstream=openssh",
                "pkg:apk/alpine/zlib@1.3.1-r0?arch=x86_64&distro=alpine-3.19.1",
            ],
            purls.Where(p => p.StartsWith("pkg:apk/", StringComparison.Ordinal)));
        Assert.Equal(
            [
                "pkg:maven/com.acme/shop@1.0.0",
                "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.15.0",
                "pkg:maven/com.google.code.gson/gson@2.10.1",
                "pkg:maven/org.apache.commons/commons-text@1.9",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.15.0-rc1",
                "pkg:maven/org.springframework/spring-core@6.0.0",
                "pkg:maven/org.yaml/snakeyaml@1.33",
            ],
            purls.Where(p => p.StartsWith("pkg:maven/", StringComparison.Ordinal)));
        var log4j = sbom["components"]!.AsArray().Single(c => (string?)c!["name"] == "org.apache.logging.log4j:log4j-core")!;
        Assert.Equal("app/shop.jar!/BOOT-INF/lib/log4j-core-2.15.0-rc1.jar", (string?)log4j["evidence"]!["occurrences"]![0]!["location"]);

        // No advisories at all: the gate has nothing to fail on, and the summary says so instead of "no findings".
        Assert.True(outcome.Policy.Passed);
        var coverage = Assert.Single(outcome.Coverage).Ecosystems;
        Assert.Equal([("Alpine", 6, false), ("Maven", 7, false)], coverage.Select(e => (e.Ecosystem, e.Packages, e.Checked)));
        var summary = await File.ReadAllTextAsync(outcome.SummaryFile);
        Assert.Contains("> **Not checked for vulnerabilities:** Alpine in shop, Maven in shop.", summary);
        Assert.Contains("| shop | " + image.Platform + " | Maven | 7 | **not checked**: no Maven advisories were available |", summary);
    }

    [Fact]
    public async Task Gate_fails_on_exactly_the_true_advisories_among_the_traps()
    {
        // True: fixed in a later package release of the 3.19 branch, named by the origin of libcrypto3 and libssl3.
        Advisory("SLIPWAY-TEST-APK-OPENSSL", "Alpine:v3.19", "openssl", """{"introduced":"0"},{"fixed":"3.1.4-r6"}""",
            """, "severity": [ { "type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" } ]""");
        // True: _git20230717-r4 < _git20230717-r5.
        Advisory("SLIPWAY-TEST-APK-MUSL", "Alpine:v3.19", "musl", """{"introduced":"0"},{"fixed":"1.2.4_git20230717-r5"}""", """, "database_specific": { "severity": "HIGH" }""");
        // True, and below the threshold: _p1-r0 < _p1-r1.
        Advisory("SLIPWAY-TEST-APK-OPENSSH", "Alpine:v3.19", "openssh", """{"introduced":"0"},{"fixed":"9.6_p1-r1"}""", """, "database_specific": { "severity": "MODERATE" }""");
        // Traps: the other branch; a fix below the installed release (r2 < r15); _git and _p after the plain release; _rc before it; withdrawn.
        Advisory("SLIPWAY-TRAP-APK-BRANCH", "Alpine:v3.18", "openssl", """{"introduced":"0"},{"fixed":"3.1.99-r0"}""", """, "database_specific": { "severity": "CRITICAL" }""");
        Advisory("SLIPWAY-TRAP-APK-BELOW", "Alpine:v3.19", "busybox", """{"introduced":"0"},{"fixed":"1.36.1-r2"}""", """, "database_specific": { "severity": "CRITICAL" }""");
        Advisory("SLIPWAY-TRAP-APK-GIT", "Alpine:v3.19", "musl", """{"introduced":"0"},{"fixed":"1.2.4-r4"}""", """, "database_specific": { "severity": "CRITICAL" }""");
        Advisory("SLIPWAY-TRAP-APK-P", "Alpine:v3.19", "openssh", """{"introduced":"0"},{"fixed":"9.6-r1"}""", """, "database_specific": { "severity": "CRITICAL" }""");
        Advisory("SLIPWAY-TRAP-APK-RC", "Alpine:v3.19", "zlib", """{"introduced":"0"},{"fixed":"1.3.1_rc1-r0"}""", """, "database_specific": { "severity": "CRITICAL" }""");
        Advisory("SLIPWAY-TRAP-APK-WITHDRAWN", "Alpine:v3.19", "busybox", """{"introduced":"0"}""", """, "withdrawn": "2025-01-01T00:00:00Z", "database_specific": { "severity": "CRITICAL" }""");

        // True: 2.15.0-rc1 < 2.15.0, reached through two records that alias one CVE: one finding.
        Advisory("SLIPWAY-TEST-MVN-LOG4J", "Maven", "org.apache.logging.log4j:log4j-core", """{"introduced":"2.0-beta9"},{"fixed":"2.15.0"}""",
            """, "aliases": ["CVE-TEST-44228"], "severity": [ { "type": "CVSS_V4", "score": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N" } ]""");
        Advisory("SLIPWAY-TEST-MVN-LOG4J-ALIAS", "Maven", "org.apache.logging.log4j:log4j-core", """{"introduced":"2.0-beta9"},{"fixed":"2.15.0"}""",
            """, "aliases": ["CVE-TEST-44228"], "database_specific": { "severity": "CRITICAL" }""");
        // True: 1.9 < 1.10.0; severity from database_specific, as GHSA records without a vector give it.
        Advisory("SLIPWAY-TEST-MVN-TEXT", "Maven", "org.apache.commons:commons-text", """{"introduced":"1.5"},{"fixed":"1.10.0"}""", """, "database_specific": { "severity": "HIGH" }""");
        // True: last_affected includes the version itself.
        Advisory("SLIPWAY-TEST-MVN-YAML", "Maven", "org.yaml:snakeyaml", """{"introduced":"0"},{"last_affected":"1.33"}""", """, "database_specific": { "severity": "HIGH" }""");
        // Traps: 2.10.1 > 2.8.9; 2.15.0 > 2.15.0-rc1; last_affected below the version; withdrawn.
        Advisory("SLIPWAY-TRAP-MVN-GSON", "Maven", "com.google.code.gson:gson", """{"introduced":"0"},{"fixed":"2.8.9"}""", """, "database_specific": { "severity": "CRITICAL" }""");
        Advisory("SLIPWAY-TRAP-MVN-RC", "Maven", "com.fasterxml.jackson.core:jackson-databind", """{"introduced":"0"},{"fixed":"2.15.0-rc1"}""", """, "database_specific": { "severity": "CRITICAL" }""");
        Advisory("SLIPWAY-TRAP-MVN-LAST", "Maven", "org.springframework:spring-core", """{"introduced":"0"},{"last_affected":"5.3.20"}""", """, "database_specific": { "severity": "CRITICAL" }""");
        Advisory("SLIPWAY-TRAP-MVN-WITHDRAWN", "Maven", "org.apache.commons:commons-text", """{"introduced":"0"}""", """, "withdrawn": "2025-01-01T00:00:00Z", "database_specific": { "severity": "CRITICAL" }""");

        var outcome = await ScanAsync();

        var reported = outcome.Policy.Findings.Select(f => (f.Finding.AdvisoryId, f.Finding.PackageName, f.Finding.Severity, f.Status)).Order().ToList();
        Assert.Equal(
            [
                ("SLIPWAY-TEST-APK-MUSL", "musl", Severity.High, FindingStatus.Failing),
                ("SLIPWAY-TEST-APK-OPENSSH", "openssh-client-default", Severity.Medium, FindingStatus.BelowThreshold),
                ("SLIPWAY-TEST-APK-OPENSSL", "libcrypto3", Severity.Critical, FindingStatus.Failing),
                ("SLIPWAY-TEST-APK-OPENSSL", "libssl3", Severity.Critical, FindingStatus.Failing),
                ("SLIPWAY-TEST-MVN-LOG4J", "org.apache.logging.log4j:log4j-core", Severity.Critical, FindingStatus.Failing),
                ("SLIPWAY-TEST-MVN-TEXT", "org.apache.commons:commons-text", Severity.High, FindingStatus.Failing),
                ("SLIPWAY-TEST-MVN-YAML", "org.yaml:snakeyaml", Severity.High, FindingStatus.Failing),
            ],
            reported);
        var log4j = outcome.Policy.Findings.Single(f => f.Finding.AdvisoryId == "SLIPWAY-TEST-MVN-LOG4J").Finding;
        Assert.Equal(["CVE-TEST-44228", "SLIPWAY-TEST-MVN-LOG4J-ALIAS"], log4j.Aliases);
        Assert.Equal((9.3, "2.15.0", "app/shop.jar!/BOOT-INF/lib/log4j-core-2.15.0-rc1.jar"), (log4j.Score, log4j.FixedVersion, log4j.Location));

        Assert.False(outcome.Policy.Passed);
        Assert.Equal("3 critical, 3 high", outcome.Policy.Summary);
        Assert.All(Assert.Single(outcome.Coverage).Ecosystems, e => Assert.True(e.Checked, $"{e.Ecosystem}: {e.Detail}"));
        var summary = await File.ReadAllTextAsync(outcome.SummaryFile);
        Assert.DoesNotContain("Not checked", summary);
        Assert.Contains("| shop | " + image.Platform + " | Alpine | 6 | checked against 8 advisories |", summary);
    }
}
