using Slipway.Containers.Scanning.Advisories;
using Slipway.Containers.Scanning.Findings;
using Slipway.Containers.Tests.Scanning.Support;

namespace Slipway.Containers.Tests.Scanning.Advisories;

public class AdvisoryMatcherTests
{
    [Fact]
    public void Debian_advisories_name_the_source_package_and_its_version()
    {
        var advisory = Osv.Range("DSA-5532-1", "Debian:12", "openssl", "ECOSYSTEM", """{"introduced":"0"},{"fixed":"3.0.11-1~deb12u2"}""");
        var image = Inventories.Image("api", Inventories.Deb("libssl3", "3.0.11-1~deb12u1", source: "openssl"), Inventories.Deb("zlib1g", "1:1.2.13.dfsg-1", source: "zlib", sourceVersion: "1:1.2.13.dfsg-1"));

        var finding = Assert.Single(new AdvisoryMatcher([advisory]).Match(image));

        Assert.Equal("DSA-5532-1", finding.AdvisoryId);
        Assert.Equal("libssl3", finding.PackageName);
        Assert.Equal("3.0.11-1~deb12u2", finding.FixedVersion);
        Assert.Equal("builtin", finding.Source);
        Assert.Equal("api", finding.Service);
    }

    [Fact]
    public void A_release_specific_ecosystem_applies_to_that_release_only()
    {
        var advisory = Osv.Range("DSA-1", "Debian:11", "zlib1g", "ECOSYSTEM", """{"introduced":"0"}""");
        Assert.Empty(new AdvisoryMatcher([advisory]).Match(Inventories.Image("api", Inventories.Deb("zlib1g", "1:1.2.13.dfsg-1"))));
    }

    [Fact]
    public void A_package_at_a_fixed_version_is_not_reported()
    {
        var advisory = Osv.Range("GHSA-1", "NuGet", "Npgsql", "ECOSYSTEM", """{"introduced":"0"},{"fixed":"10.0.3"}""");
        Assert.Empty(new AdvisoryMatcher([advisory]).Match(Inventories.Image("api", Inventories.NuGet("Npgsql", "10.0.3"))));
        Assert.Single(new AdvisoryMatcher([advisory]).Match(Inventories.Image("api", Inventories.NuGet("Npgsql", "10.0.2"))));
    }

    [Fact]
    public void Names_compare_as_each_ecosystem_does()
    {
        var nuget = Osv.Range("GHSA-n", "NuGet", "npgsql", "ECOSYSTEM", """{"introduced":"0"}""");
        var pypi = Osv.Range("PYSEC-1", "PyPI", "Foo_Bar", "ECOSYSTEM", """{"introduced":"0"}""");
        var npm = Osv.Range("GHSA-m", "npm", "Lodash", "SEMVER", """{"introduced":"0"}""");
        var image = Inventories.Image("web", Inventories.NuGet("Npgsql", "1.0.0"), Inventories.PyPI("foo-bar", "1.0"), Inventories.Npm("lodash", "4.17.20"));

        var ids = new AdvisoryMatcher([nuget, pypi, npm]).Match(image).Select(f => f.AdvisoryId).Order().ToList();

        Assert.Equal(["GHSA-n", "PYSEC-1"], ids); // npm names are case-sensitive
    }

    [Fact]
    public void Severity_comes_from_the_stated_level_else_from_the_cvss_vector()
    {
        var stated = Osv.Range("GHSA-s", "npm", "a", "SEMVER", """{"introduced":"0"}""", """, "database_specific": { "severity": "MODERATE" }""");
        var scored = Osv.Range("GHSA-c", "npm", "b", "SEMVER", """{"introduced":"0"}""",
            """, "severity": [ { "type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" } ]""");
        var none = Osv.Range("GHSA-u", "npm", "c", "SEMVER", """{"introduced":"0"}""");

        var findings = new AdvisoryMatcher([stated, scored, none])
            .Match(Inventories.Image("web", Inventories.Npm("a", "1.0.0"), Inventories.Npm("b", "1.0.0"), Inventories.Npm("c", "1.0.0")))
            .ToDictionary(f => f.AdvisoryId);

        Assert.Equal(Severity.Medium, findings["GHSA-s"].Severity);
        Assert.Equal(Severity.Critical, findings["GHSA-c"].Severity);
        Assert.Equal(9.8, findings["GHSA-c"].Score);
        Assert.Equal(Severity.Unknown, findings["GHSA-u"].Severity);
    }

    [Fact]
    public void Withdrawn_advisories_do_not_match()
    {
        var withdrawn = Osv.Range("GHSA-w", "npm", "a", "SEMVER", """{"introduced":"0"}""", """, "withdrawn": "2024-01-01T00:00:00Z" """);
        Assert.Empty(new AdvisoryMatcher([withdrawn]).Match(Inventories.Image("web", Inventories.Npm("a", "1.0.0"))));
    }

    [Fact]
    public void Unevaluable_ranges_are_reported_not_guessed()
    {
        var alpine = Osv.Range("ALPINE-1", "npm", "a", "SEMVER", """{"introduced":"x.y"}""");
        var matcher = new AdvisoryMatcher([alpine]);
        Assert.Empty(matcher.Match(Inventories.Image("web", Inventories.Npm("a", "1.0.0"))));
        Assert.Contains(matcher.Unevaluated, u => u.StartsWith("ALPINE-1", StringComparison.Ordinal));
    }
}
