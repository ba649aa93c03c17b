using Slipway.Containers.Scanning.Advisories.Trivy;
using Slipway.Containers.Scanning.Findings;
using Slipway.Containers.Tests.Scanning.Support;

namespace Slipway.Containers.Tests.Scanning.Advisories;

public class TrivyReportTests
{
    // The shape of `trivy image --format json` (SchemaVersion 2), as Trivy documents it.
    private const string Report = """
        {
          "SchemaVersion": 2,
          "ArtifactName": "acme/api@sha256:aaaa",
          "ArtifactType": "container_image",
          "Metadata": { "OS": { "Family": "debian", "Name": "12.5" } },
          "Results": [
            {
              "Target": "acme/api (debian 12.5)",
              "Class": "os-pkgs",
              "Type": "debian",
              "Vulnerabilities": [
                {
                  "VulnerabilityID": "CVE-2024-0727",
                  "PkgID": "libssl3@3.0.11-1~deb12u2",
                  "PkgName": "libssl3",
                  "PkgIdentifier": { "PURL": "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12.5" },
                  "InstalledVersion": "3.0.11-1~deb12u2",
                  "FixedVersion": "3.0.13-1~deb12u1",
                  "Status": "fixed",
                  "SeveritySource": "nvd",
                  "PrimaryURL": "https://avd.aquasec.com/nvd/cve-2024-0727",
                  "Title": "openssl: denial of service via null dereference",
                  "Description": "Processing a maliciously formatted PKCS12 file may lead OpenSSL to crash.",
                  "Severity": "MEDIUM",
                  "CVSS": { "nvd": { "V3Vector": "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H", "V3Score": 5.5 }, "redhat": { "V3Score": 4.4 } }
                },
                { "VulnerabilityID": "CVE-2023-1234", "PkgName": "zlib1g", "InstalledVersion": "1:1.2.13.dfsg-1", "Severity": "CRITICAL", "Status": "affected" }
              ]
            },
            {
              "Target": "app/Stack.Api.deps.json",
              "Class": "lang-pkgs",
              "Type": "dotnet-core",
              "Vulnerabilities": [
                { "VulnerabilityID": "GHSA-abcd-efgh-ijkl", "PkgName": "Npgsql", "InstalledVersion": "8.0.2", "FixedVersion": "8.0.3, 7.0.7", "Severity": "HIGH" }
              ]
            },
            { "Target": "app/package-lock.json", "Class": "lang-pkgs", "Type": "npm" }
          ]
        }
        """;

    [Fact]
    public void Normalizes_results_into_findings()
    {
        var image = Inventories.Image("api", Inventories.NuGet("Npgsql", "8.0.2"));
        var findings = TrivyReport.Normalize(Report, image, "trivy.json").ToDictionary(f => f.AdvisoryId);

        Assert.Equal(3, findings.Count);
        var ssl = findings["CVE-2024-0727"];
        Assert.Equal((Severity.Medium, 5.5, "3.0.13-1~deb12u1", "Debian", "libssl3"), (ssl.Severity, ssl.Score, ssl.FixedVersion, ssl.Ecosystem, ssl.PackageName));
        Assert.Equal("pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12.5", ssl.Purl);
        Assert.Equal(("trivy", "api", "linux/amd64"), (ssl.Source, ssl.Service, ssl.Platform));
        Assert.Null(findings["CVE-2023-1234"].FixedVersion);
        var npgsql = findings["GHSA-abcd-efgh-ijkl"];
        Assert.Equal(("NuGet", "8.0.3", "pkg:nuget/Npgsql@8.0.2", "app/Stack.Api.deps.json"), (npgsql.Ecosystem, npgsql.FixedVersion, npgsql.Purl, npgsql.Location));
    }

    [Fact]
    public void Malformed_reports_name_the_origin()
    {
        var image = Inventories.Image("api");
        Assert.Contains("trivy.json", Assert.Throws<InvalidDataException>(() => TrivyReport.Normalize("{", image, "trivy.json")).Message);
        Assert.Contains("VulnerabilityID", Assert.Throws<InvalidDataException>(() =>
            TrivyReport.Normalize("""{ "Results": [ { "Target": "t", "Vulnerabilities": [ { "PkgName": "x" } ] } ] }""", image, "trivy.json")).Message);
    }
}
