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
    public void Severity_comes_from_the_cvss_vector_else_from_the_stated_level()
    {
        var stated = Osv.Range("GHSA-s", "npm", "a", "SEMVER", """{"introduced":"0"}""", """, "database_specific": { "severity": "MODERATE" }""");
        var scored = Osv.Range("GHSA-c", "npm", "b", "SEMVER", """{"introduced":"0"}""",
            """, "severity": [ { "type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" } ]""");
        var both = Osv.Range("GHSA-b", "npm", "c", "SEMVER", """{"introduced":"0"}""",
            """, "severity": [ { "type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N" } ], "database_specific": { "severity": "CRITICAL" }""");
        var v4 = Osv.Range("GHSA-4", "npm", "d", "SEMVER", """{"introduced":"0"}""",
            """, "severity": [ { "type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H" }, { "type": "CVSS_V4", "score": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N" } ]""");
        var ubuntu = Osv.Range("UBUNTU-1", "npm", "e", "SEMVER", """{"introduced":"0"}""", """, "severity": [ { "type": "Ubuntu", "score": "high" } ]""");
        var none = Osv.Range("GHSA-u", "npm", "f", "SEMVER", """{"introduced":"0"}""");

        var findings = new AdvisoryMatcher([stated, scored, both, v4, ubuntu, none])
            .Match(Inventories.Image("web", "abcdef".Select(c => Inventories.Npm(c.ToString(), "1.0.0")).ToArray()))
            .ToDictionary(f => f.AdvisoryId);

        Assert.Equal((Severity.Medium, (double?)null), (findings["GHSA-s"].Severity, findings["GHSA-s"].Score));
        Assert.Equal((Severity.Critical, (double?)9.8), (findings["GHSA-c"].Severity, findings["GHSA-c"].Score));
        Assert.Equal((Severity.Medium, (double?)5.9), (findings["GHSA-b"].Severity, findings["GHSA-b"].Score));
        Assert.Equal((Severity.Critical, (double?)9.3), (findings["GHSA-4"].Severity, findings["GHSA-4"].Score)); // v4 before v3 (7.5)
        Assert.Equal(Severity.High, findings["UBUNTU-1"].Severity);
        Assert.Equal(Severity.Unknown, findings["GHSA-u"].Severity);
    }

    [Fact]
    public void Withdrawn_advisories_do_not_match()
    {
        var withdrawn = Osv.Range("GHSA-w", "npm", "a", "SEMVER", """{"introduced":"0"}""", """, "withdrawn": "2024-01-01T00:00:00Z" """);
        var repeated = Osv.Range("GHSA-w", "npm", "a", "SEMVER", """{"introduced":"0"}""");
        Assert.Empty(new AdvisoryMatcher([withdrawn]).Match(Inventories.Image("web", Inventories.Npm("a", "1.0.0"))));
        // The mirror's record comes first and decides, even when the API still serves the advisory.
        Assert.Empty(new AdvisoryMatcher([withdrawn, repeated]).Match(Inventories.Image("web", Inventories.Npm("a", "1.0.0"))));
        Assert.Single(new AdvisoryMatcher([repeated]).Match(Inventories.Image("web", Inventories.Npm("a", "1.0.0"))));
    }

    [Fact]
    public void Unevaluable_ranges_are_reported_not_guessed()
    {
        var unreadable = Osv.Range("GHSA-x", "npm", "a", "SEMVER", """{"introduced":"x.y"}""");
        var matcher = new AdvisoryMatcher([unreadable]);
        Assert.Empty(matcher.Match(Inventories.Image("web", Inventories.Npm("a", "1.0.0"))));
        Assert.Equal(new UnevaluatedAdvisory("GHSA-x", "web", "linux/amd64", "npm", "a", "1.0.0"), Assert.Single(matcher.Unevaluated));
    }

    [Fact]
    public void Alpine_advisories_apply_to_their_branch_and_name_the_origin_package()
    {
        var advisories = new[]
        {
            Osv.Range("ALPINE-319", "Alpine:v3.19", "openssl", "ECOSYSTEM", """{"introduced":"0"},{"fixed":"3.1.4-r6"}"""),
            Osv.Range("ALPINE-318", "Alpine:v3.18", "openssl", "ECOSYSTEM", """{"introduced":"0"},{"fixed":"3.1.99-r0"}"""),
            Osv.Range("ALPINE-FIXED", "Alpine:v3.19", "busybox", "ECOSYSTEM", """{"introduced":"0"},{"fixed":"1.36.1-r2"}"""),
            Osv.Range("ALPINE-GIT-OLD", "Alpine:v3.19", "musl", "ECOSYSTEM", """{"introduced":"0"},{"fixed":"1.2.4-r4"}"""),
            Osv.Range("ALPINE-GIT-NEW", "Alpine:v3.19", "musl", "ECOSYSTEM", """{"introduced":"0"},{"fixed":"1.2.4_git20230717-r5"}"""),
        };
        var image = Inventories.Image("db",
            Inventories.Apk("libcrypto3", "3.1.4-r5", origin: "openssl"), Inventories.Apk("libssl3", "3.1.4-r5", origin: "openssl"),
            Inventories.Apk("busybox", "1.36.1-r15"), Inventories.Apk("musl", "1.2.4_git20230717-r4"));

        var found = new AdvisoryMatcher(advisories).Match(image).Select(f => (f.AdvisoryId, f.PackageName, f.FixedVersion)).Order().ToList();

        Assert.Equal([("ALPINE-319", "libcrypto3", "3.1.4-r6"), ("ALPINE-319", "libssl3", "3.1.4-r6"), ("ALPINE-GIT-NEW", "musl", "1.2.4_git20230717-r5")], found);
        Assert.Single(new AdvisoryMatcher(advisories).Match(Inventories.Image("db", Inventories.Apk("libssl3", "3.1.4-r5", origin: "openssl", branch: "3.18"))),
            f => f.AdvisoryId == "ALPINE-318");
    }

    [Fact]
    public void Maven_advisories_follow_maven_ordering_and_last_affected()
    {
        var advisories = new[]
        {
            Osv.Range("GHSA-text", "Maven", "org.apache.commons:commons-text", "ECOSYSTEM", """{"introduced":"1.5"},{"fixed":"1.10.0"}"""),
            Osv.Range("GHSA-log4j", "Maven", "org.apache.logging.log4j:log4j-core", "ECOSYSTEM", """{"introduced":"2.0-beta9"},{"fixed":"2.15.0"}"""),
            Osv.Range("GHSA-yaml", "Maven", "org.yaml:snakeyaml", "ECOSYSTEM", """{"introduced":"0"},{"last_affected":"1.33"}"""),
            Osv.Range("GHSA-spring", "Maven", "org.springframework:spring-core", "ECOSYSTEM", """{"introduced":"0"},{"last_affected":"5.3.20"}"""),
        };
        var image = Inventories.Image("shop",
            Inventories.Maven("org.apache.commons", "commons-text", "1.9"), Inventories.Maven("org.apache.logging.log4j", "log4j-core", "2.15.0-rc1"),
            Inventories.Maven("org.yaml", "snakeyaml", "1.33"), Inventories.Maven("org.springframework", "spring-core", "6.0.0"));
        var fixedImage = Inventories.Image("shop", Inventories.Maven("org.apache.commons", "commons-text", "1.10.0"), Inventories.Maven("org.apache.logging.log4j", "log4j-core", "2.15.0"));

        Assert.Equal(["GHSA-log4j", "GHSA-text", "GHSA-yaml"], new AdvisoryMatcher(advisories).Match(image).Select(f => f.AdvisoryId).Order());
        Assert.Empty(new AdvisoryMatcher(advisories).Match(fixedImage));
    }

    [Fact]
    public void Advisories_that_name_each_other_are_one_finding_per_package()
    {
        var ghsa = Osv.Range("GHSA-aaaa", "PyPI", "requests", "ECOSYSTEM", """{"introduced":"0"},{"fixed":"2.31.0"}""",
            """, "aliases": ["CVE-2023-32681"], "database_specific": { "severity": "MODERATE" }""");
        var pysec = Osv.Range("PYSEC-2023-74", "PyPI", "requests", "ECOSYSTEM", """{"introduced":"0"},{"fixed":"2.31.1"}""",
            """, "aliases": ["CVE-2023-32681", "GHSA-aaaa"], "severity": [ { "type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" } ]""");
        var other = Osv.Range("GHSA-bbbb", "PyPI", "requests", "ECOSYSTEM", """{"introduced":"0"}""", """, "aliases": ["CVE-2024-1"]""");
        var image = Inventories.Image("web", Inventories.PyPI("requests", "2.30.0"), Inventories.PyPI("urllib3", "1.0"));

        var findings = new AdvisoryMatcher([ghsa, pysec, other]).Match(image);

        Assert.Equal(2, findings.Count);
        var merged = findings.Single(f => f.AdvisoryId != "GHSA-bbbb");
        Assert.Equal("PYSEC-2023-74", merged.AdvisoryId); // the most severe of the two
        Assert.Equal(["CVE-2023-32681", "GHSA-aaaa"], merged.Aliases);
        Assert.Equal(Severity.Critical, merged.Severity);
        Assert.Equal("2.31.1", merged.FixedVersion); // the later of their fixes
    }
}
