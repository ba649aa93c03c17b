using System.Text.Json.Nodes;
using Slipway.Containers.Publishing.Attestations;
using static Slipway.Containers.Tests.Publishing.PushReports;

namespace Slipway.Containers.Tests.Publishing.Signing;

/// <summary>The scan reports found for the manifests to publish, on one machine and in a merge job, and the vulnerability predicate made of them.</summary>
public sealed class ScanEvidenceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("slipway-evidence-").FullName;

    private string Artifacts => Path.Combine(_root, "artifacts");

    /// <summary>An SBOM and findings.json as ScanImages writes them (the parts that are read).</summary>
    private void Scan(string folder, string service, string platform, string manifest, params (string Service, string Platform, string Id)[] findings)
    {
        Directory.CreateDirectory(Path.Combine(folder, "sbom"));
        var bom = new JsonObject
        {
            ["bomFormat"] = "CycloneDX",
            ["metadata"] = new JsonObject
            {
                ["timestamp"] = "2026-01-02T03:04:05Z",
                ["tools"] = new JsonObject { ["components"] = new JsonArray(new JsonObject { ["name"] = "Slipway", ["version"] = "0.3.0" }) },
                ["component"] = new JsonObject
                {
                    ["version"] = manifest,
                    ["properties"] = new JsonArray(
                        new JsonObject { ["name"] = "slipway:service", ["value"] = service },
                        new JsonObject { ["name"] = "slipway:platform", ["value"] = platform }),
                },
            },
        };
        File.WriteAllText(Path.Combine(folder, "sbom", $"{service}.{platform.Replace('/', '-')}.cdx.json"), bom.ToJsonString());
        var report = new JsonObject
        {
            ["threshold"] = "HIGH", ["ignoreUnfixed"] = false, ["passed"] = true,
            ["findings"] = new JsonArray(findings.Select(f => (JsonNode)new JsonObject { ["id"] = f.Id, ["service"] = f.Service, ["platform"] = f.Platform }).ToArray()),
        };
        File.WriteAllText(Path.Combine(folder, "findings.json"), report.ToJsonString());
    }

    [Fact]
    public void A_merge_job_finds_each_platforms_reports_and_the_predicate_keeps_that_platforms_findings()
    {
        Scan(Path.Combine(Artifacts, "platforms", "linux-amd64", "scan"), "api", "linux/amd64", Digest('a'), ("api", "linux/amd64", "CVE-1"), ("web", "linux/amd64", "CVE-2"));
        Scan(Path.Combine(Artifacts, "platforms", "linux-arm64", "scan"), "api", "linux/arm64", Digest('b'), ("api", "linux/arm64", "CVE-3"));
        var folders = ScanEvidence.ScanFolders(Artifacts, "platforms");

        var evidence = ScanEvidence.Collect(folders, [("api", "linux/amd64", Digest('a')), ("api", "linux/arm64", Digest('b'))], _root,
            new ScanInvocation("https://github.com/acme/shop/actions/runs/7", "7", "acme/shop/.github/workflows/release.yml@refs/tags/v1.0.0"));

        Assert.Equal(2, evidence.Count);
        var amd64 = evidence[0];
        Assert.EndsWith("linux-amd64/scan/sbom/api.linux-amd64.cdx.json", amd64.SbomFile);
        var predicate = amd64.VulnPredicate;
        // cosign's vuln predicate: invocation, scanner (uri, version, db, result), metadata with the scan's times.
        Assert.Equal(["invocation", "scanner", "metadata"], predicate.Select(p => p.Key));
        Assert.Equal(["parameters", "uri", "event_id", "builder.id"], predicate["invocation"]!.AsObject().Select(p => p.Key));
        Assert.Equal("https://github.com/acme/shop/actions/runs/7", predicate["invocation"]!["uri"]!.GetValue<string>());
        Assert.Equal("pkg:nuget/Slipway.Containers@0.3.0", predicate["scanner"]!["uri"]!.GetValue<string>());
        Assert.Equal("2026-01-02T03:04:05Z", predicate["metadata"]!["scanStartedOn"]!.GetValue<string>());
        Assert.Equal(Digest('a'), VulnPredicate.ManifestOf(predicate));
        Assert.Equal(["CVE-1"], predicate["scanner"]!["result"]!["findings"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()));
        Assert.True(predicate["scanner"]!["result"]!["policy"]!["passed"]!.GetValue<bool>());
        Assert.Equal(["CVE-3"], evidence[1].VulnPredicate["scanner"]!["result"]!["findings"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()));
    }

    [Fact]
    public void A_missing_sbom_or_one_of_another_build_fails_before_anything_is_pushed()
    {
        Scan(Path.Combine(Artifacts, "scan"), "api", "linux/amd64", Digest('a'));
        var folders = ScanEvidence.ScanFolders(Artifacts, "platforms");

        var missing = Assert.Throws<InvalidDataException>(() => ScanEvidence.Collect(folders, [("web", "linux/amd64", Digest('w'))], _root, new ScanInvocation("", "", "")));
        Assert.Equal("There is no CycloneDX SBOM of service 'web' (linux/amd64) in artifacts/scan/sbom: run ScanImages before Publish, whose attestations carry it.", missing.Message);

        var stale = Assert.Throws<InvalidDataException>(() => ScanEvidence.Collect(folders, [("api", "linux/amd64", Digest('z'))], _root, new ScanInvocation("", "", "")));
        Assert.Contains($"artifacts/scan/sbom/api.linux-amd64.cdx.json describes manifest {Digest('a')} of service 'api' (linux/amd64), but the manifest to publish is {Digest('z')}", stale.Message);
    }

    [Fact]
    public void The_invocation_names_the_workflow_run_or_nothing_locally()
    {
        Assert.Equal(new ScanInvocation("", "", ""), ScanInvocation.From(new Dictionary<string, string>()));
        Assert.Equal(new ScanInvocation("https://github.com/acme/shop/actions/runs/99", "99", "acme/shop/.github/workflows/release.yml@refs/tags/v2.0.0"),
            ScanInvocation.From(new Dictionary<string, string>
            {
                ["GITHUB_RUN_ID"] = "99", ["GITHUB_SERVER_URL"] = "https://github.com", ["GITHUB_REPOSITORY"] = "acme/shop",
                ["GITHUB_WORKFLOW_REF"] = "acme/shop/.github/workflows/release.yml@refs/tags/v2.0.0",
            }));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
