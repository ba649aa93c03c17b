using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Containers.Scanning.Advisories;
using Slipway.Containers.Scanning.Coverage;
using Slipway.Containers.Scanning;
using Slipway.Containers.Scanning.Findings;
using Slipway.Containers.Scanning.Inventory;
using Slipway.Containers.Scanning.Policy;
using Slipway.Containers.Scanning.Reports;
using Slipway.Containers.Tests.Scanning.Support;
using Slipway.Tests.Shared;

namespace Slipway.Containers.Tests.Scanning.Reports;

public class ReportSchemaTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static PolicyResult Result() => ScanPolicy.Evaluate(
        [
            Findings.Of("CVE-2024-1", Severity.Critical) with { Score = 9.8 },
            Findings.Of("CVE-2024-1", Severity.Critical, platform: "linux/arm64"),
            Findings.Of("CVE-2024-2", Severity.Medium, fixedVersion: null),
            Findings.Of("GHSA-aaaa-bbbb-cccc", Severity.Low, package: "npgsql"),
            Findings.Of("CVE-2024-3", Severity.Unknown) with { Url = null, Summary = null },
            Findings.Of("CVE-2024-4", Severity.High),
        ],
        new PolicySettings(Severity.High, false, IgnoreFile.Parse("CVE-2024-4 exp:2030-01-01", ".trivyignore")), Now);

    [Fact]
    public async Task Sarif_passes_the_SARIF_multitool()
    {
        var sarif = SarifReport.Create(Result(), "1.0.0");
        Assert.Empty(await Conformance.SarifErrorsAsync(sarif.ToJsonString()));
        Assert.Empty(await Conformance.SarifErrorsAsync(SarifReport.Create(Result(), "1.0.0", "Not checked for vulnerabilities: Maven in api.").ToJsonString()));

        // The validator does reject what breaks the schema.
        sarif["runs"]![0]!["results"]![0]!["severity"] = "fatal";
        Assert.Contains(await Conformance.SarifErrorsAsync(sarif.ToJsonString()), e => e.StartsWith("JSON1005", StringComparison.Ordinal) && e.Contains("severity"));
    }

    [Fact]
    public void Sarif_has_one_rule_per_advisory_with_level_and_security_severity()
    {
        var run = SarifReport.Create(Result(), "1.0.0")["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        Assert.Equal(["CVE-2024-1", "CVE-2024-2", "CVE-2024-3", "CVE-2024-4", "GHSA-aaaa-bbbb-cccc"], rules.Select(r => (string)r!["id"]!));
        Assert.Equal("9.8", (string)rules[0]!["properties"]!["security-severity"]!);
        Assert.Equal("error", (string)rules[0]!["defaultConfiguration"]!["level"]!);
        Assert.Equal(["warning", "note", "error", "note"], rules.Skip(1).Select(r => (string)r!["defaultConfiguration"]!["level"]!));

        var results = run["results"]!.AsArray();
        Assert.Equal(6, results.Count);
        Assert.All(results, r => Assert.Equal((string)r!["ruleId"]!, (string)rules[(int)r!["ruleIndex"]!]!["id"]!));
        var suppressed = Assert.Single(results, r => r!["suppressions"] is not null);
        Assert.Equal("CVE-2024-4", (string)suppressed!["ruleId"]!);
    }

    [Fact]
    public async Task Sbom_conforms_to_cyclonedx_1_6()
    {
        var image = Inventories.Image("api",
            Inventories.Deb("libssl3", "3.0.11-1~deb12u2", source: "openssl"),
            Inventories.NuGet("Npgsql", "10.0.3"),
            Inventories.Npm("express", "4.19.2") with { Licenses = ["MIT"] },
            Inventories.PyPI("requests", "2.31.0"),
            Inventories.Apk("libcrypto3", "3.1.4-r5", origin: "openssl"),
            Inventories.Maven("org.apache.logging.log4j", "log4j-core", "2.15.0-rc1"));

        var sbom = CycloneDxSbom.Create(image, "1.0.0", Now);

        Assert.Empty(await Conformance.CycloneDxErrorsAsync(sbom.ToJsonString()));
        var broken = sbom.DeepClone();
        broken["components"]![1]!["type"] = "gadget";
        Assert.Equal(["/components/1/type must be equal to one of the allowed values"], await Conformance.CycloneDxErrorsAsync(broken.ToJsonString()));
        Assert.Equal(7, sbom["components"]!.AsArray().Count); // the OS and six packages
        Assert.Equal("app/app.jar!/BOOT-INF/lib/log4j-core-2.15.0-rc1.jar", (string)sbom["components"]![6]!["evidence"]!["occurrences"]![0]!["location"]!);
        Assert.Equal(sbom["serialNumber"]!.ToString(), CycloneDxSbom.Create(image, "1.0.0", Now.AddDays(1))["serialNumber"]!.ToString());
    }

    [Fact]
    public void Findings_json_and_markdown_carry_statuses_summary_and_coverage()
    {
        var result = Result();
        var image = Inventories.Image("api", Inventories.NuGet("Npgsql", "10.0.3"), Inventories.Maven("org.yaml", "snakeyaml", "1.33"));
        var matcher = new AdvisoryMatcher([Osv.Range("GHSA-n", "NuGet", "Npgsql", "ECOSYSTEM", """{"introduced":"0"},{"fixed":"10.0.4"}""")]);
        var coverage = ScanCoverage.ByAdvisories([image], matcher, osvApiAnswered: false);

        var json = FindingsReport.Create(result, coverage);
        Assert.Equal("1 critical (1 ignored)", (string)json["summary"]!);
        Assert.False((bool)json["passed"]!);
        Assert.Equal(["failing", "failing", "below-threshold"], json["findings"]!.AsArray().Take(3).Select(f => (string)f!["status"]!));
        Assert.Equal("Maven in api", (string)json["notChecked"]!);
        var ecosystems = json["coverage"]![0]!["ecosystems"]!.AsArray();
        Assert.Equal([("Maven", false), ("NuGet", true)], ecosystems.Select(e => ((string)e!["ecosystem"]!, (bool)e["checked"]!)));
        JsonSerializer.Deserialize<JsonObject>(json.ToJsonString()); // round-trips as JSON

        var markdown = MarkdownSummary.Create([image], ScanVerdict.Of(result, coverage, requireChecked: false), coverage);
        Assert.Contains("## Image scan: failed", markdown);
        Assert.Contains("1 critical (1 ignored) in what was checked; not checked: Maven in api. Threshold HIGH.", markdown);
        Assert.Contains("> **Not checked for vulnerabilities:** Maven in api.", markdown);
        Assert.Contains("| api | linux/amd64 | 2 | 1 | 3 | 1 |", markdown);
        Assert.Contains("| api | linux/amd64 | Maven | 1 | **not checked**: no Maven advisories were available |", markdown);
        Assert.Contains("| api | linux/amd64 | NuGet | 1 | checked against 1 advisory |", markdown);
        Assert.Contains("[CVE-2024-1](https://osv.dev/vulnerability/CVE-2024-1)", markdown);
        Assert.Contains("ignored (.trivyignore:1 until 2030-01-01)", markdown);
    }

    [Fact]
    public void Markdown_says_nothing_of_unchecked_ecosystems_when_everything_was_checked()
    {
        var image = Inventories.Image("api", Inventories.NuGet("Npgsql", "10.0.3"));
        var coverage = ScanCoverage.ByTrivy([image]);
        var markdown = MarkdownSummary.Create([image], ScanVerdict.Of(Result(), coverage, requireChecked: false), coverage);
        Assert.DoesNotContain("Not checked", markdown);
        Assert.DoesNotContain("in what was checked", markdown);
        Assert.Contains("| api | linux/amd64 | NuGet | 1 | checked by trivy |", markdown);
    }
}
