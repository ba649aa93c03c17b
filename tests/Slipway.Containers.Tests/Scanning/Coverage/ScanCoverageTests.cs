using Slipway.Containers.Scanning.Advisories;
using Slipway.Containers.Scanning.Coverage;
using Slipway.Containers.Scanning.Inventory;
using Slipway.Containers.Tests.Scanning.Support;

namespace Slipway.Containers.Tests.Scanning.Coverage;

public class ScanCoverageTests
{
    private static readonly ImageInventory Image = Inventories.Image("shop",
        Inventories.Apk("musl", "1.2.4_git20230717-r4"), Inventories.Apk("busybox", "1.36.1-r15"),
        Inventories.Maven("org.yaml", "snakeyaml", "1.33"),
        new Package { Ecosystem = "crates.io", Name = "serde", Version = "1.0.0", Location = "app/Cargo.lock", Purl = "pkg:cargo/serde@1.0.0" });

    private static Dictionary<string, EcosystemCoverage> Ecosystems(IReadOnlyList<ImageCoverage> coverage) =>
        Assert.Single(coverage).Ecosystems.ToDictionary(e => e.Ecosystem);

    [Fact]
    public void An_ecosystem_without_advisories_or_ordering_is_not_checked()
    {
        var matcher = new AdvisoryMatcher([Osv.Range("ALPINE-1", "Alpine:v3.19", "musl", "ECOSYSTEM", """{"introduced":"0"},{"fixed":"1.2.5-r0"}""")]);
        matcher.Match(Image);

        var ecosystems = Ecosystems(ScanCoverage.ByAdvisories([Image], matcher, osvApiAnswered: false));

        Assert.Equal(new EcosystemCoverage("Alpine", 2, true, "checked against 1 advisory"), ecosystems["Alpine"]);
        Assert.Equal(new EcosystemCoverage("Maven", 1, false, "no Maven advisories were available"), ecosystems["Maven"]);
        Assert.Equal(new EcosystemCoverage("crates.io", 1, false, "Slipway cannot order crates.io versions"), ecosystems["crates.io"]);
        Assert.Equal("Maven in shop, crates.io in shop", ScanCoverage.Unchecked(ScanCoverage.ByAdvisories([Image], matcher, osvApiAnswered: false)));
    }

    [Fact]
    public void An_answering_osv_api_checks_every_ecosystem_it_can_be_ordered_in()
    {
        var ecosystems = Ecosystems(ScanCoverage.ByAdvisories([Image], new AdvisoryMatcher([]), osvApiAnswered: true));

        Assert.True(ecosystems["Maven"].Checked);
        Assert.Equal("checked with the OSV API (0 advisories naming Maven packages)", ecosystems["Maven"].Detail);
        Assert.False(ecosystems["crates.io"].Checked);
    }

    [Fact]
    public void Advisories_that_could_not_be_evaluated_are_counted()
    {
        var matcher = new AdvisoryMatcher([
            Osv.Range("ALPINE-1", "Alpine:v3.19", "musl", "ECOSYSTEM", """{"introduced":"0"},{"fixed":"1.2.5-r0"}"""),
            Osv.Range("ALPINE-2", "Alpine:v3.19", "busybox", "ECOSYSTEM", """{"introduced":"0"},{"fixed":"not a version"}"""),
        ]);
        matcher.Match(Image);

        var alpine = Ecosystems(ScanCoverage.ByAdvisories([Image], matcher, osvApiAnswered: false))["Alpine"];

        Assert.Equal("checked against 2 advisories; 1 advisory could not be evaluated", alpine.Detail);
    }

    [Fact]
    public void Trivy_checks_everything_and_nothing_is_unchecked()
    {
        var coverage = ScanCoverage.ByTrivy([Image]);
        Assert.All(Assert.Single(coverage).Ecosystems, e => Assert.Equal("checked by trivy", e.Detail));
        Assert.Null(ScanCoverage.Unchecked(coverage));
    }
}
