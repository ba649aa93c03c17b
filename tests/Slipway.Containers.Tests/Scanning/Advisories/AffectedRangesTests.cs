using Slipway.Containers.Scanning.Advisories;
using Slipway.Containers.Scanning.Versions;
using Slipway.Containers.Tests.Scanning.Support;

namespace Slipway.Containers.Tests.Scanning.Advisories;

public class AffectedRangesTests
{
    private static AffectedRanges.Verdict Evaluate(string version, string type, string events, IVersionScheme scheme) =>
        AffectedRanges.Evaluate(version, Osv.Range("X-1", "npm", "p", type, events).Affected!.Single(), scheme);

    [Theory]
    [InlineData("0.9.0", false, null)]
    [InlineData("1.0.0", true, "1.2.0")]
    [InlineData("1.1.9", true, "1.2.0")]
    [InlineData("1.2.0", false, null)]
    [InlineData("1.5.0", false, null)]
    [InlineData("2.0.0", true, "2.0.3")]
    [InlineData("2.0.3", false, null)]
    [InlineData("3.0.0", false, null)]
    public void Introduced_and_fixed_pairs(string version, bool affected, string? fixedVersion)
    {
        var verdict = Evaluate(version, "SEMVER", """{"introduced":"1.0.0"},{"fixed":"1.2.0"},{"introduced":"2.0.0"},{"fixed":"2.0.3"}""", SemVerScheme.Scheme);
        Assert.Equal(affected, verdict.Affected);
        Assert.Equal(fixedVersion, verdict.FixedVersion);
        Assert.True(verdict.Evaluated);
    }

    [Theory]
    [InlineData("0.0.1", true)]
    [InlineData("1.4.0", true)]
    [InlineData("1.4.1", false)]
    public void Introduced_zero_and_last_affected(string version, bool affected)
    {
        var verdict = Evaluate(version, "SEMVER", """{"introduced":"0"},{"last_affected":"1.4.0"}""", SemVerScheme.Scheme);
        Assert.Equal(affected, verdict.Affected);
        Assert.Null(verdict.FixedVersion);
    }

    [Fact]
    public void Introduced_without_end_affects_every_later_version()
    {
        Assert.True(Evaluate("9.9.9", "SEMVER", """{"introduced":"1.0.0"}""", SemVerScheme.Scheme).Affected);
        Assert.False(Evaluate("0.9.9", "SEMVER", """{"introduced":"1.0.0"}""", SemVerScheme.Scheme).Affected);
    }

    [Theory]
    [InlineData("3.0.11-1~deb12u2", true)]
    [InlineData("3.0.15-1~deb12u1", false)]
    [InlineData("1:1.0-1", false)]
    public void Ecosystem_ranges_use_the_ecosystem_ordering(string version, bool affected)
    {
        var verdict = AffectedRanges.Evaluate(version,
            Osv.Range("DSA-1", "Debian:12", "openssl", "ECOSYSTEM", """{"introduced":"0"},{"fixed":"3.0.13-1~deb12u1"}""").Affected!.Single(), DpkgVersion.Scheme);
        Assert.Equal(affected, verdict.Affected);
        if (affected) Assert.Equal("3.0.13-1~deb12u1", verdict.FixedVersion);
    }

    [Fact]
    public void Events_are_evaluated_in_version_order_not_in_the_order_written()
    {
        var verdict = Evaluate("1.1.0", "SEMVER", """{"fixed":"1.2.0"},{"introduced":"1.0.0"}""", SemVerScheme.Scheme);
        Assert.True(verdict.Affected);
        Assert.Equal("1.2.0", verdict.FixedVersion);
    }

    [Fact]
    public void Listed_versions_affect_without_ranges()
    {
        var advisory = Osv.Parse("""
            { "id": "GHSA-x", "affected": [ { "package": { "ecosystem": "NuGet", "name": "Npgsql" }, "versions": ["10.0.2", "10.0.3"] } ] }
            """);
        Assert.True(AffectedRanges.Evaluate("10.0.3", advisory.Affected![0], NuGetScheme.Scheme).Affected);
        Assert.True(AffectedRanges.Evaluate("10.0.3.0", advisory.Affected![0], NuGetScheme.Scheme).Affected);
        Assert.False(AffectedRanges.Evaluate("10.0.4", advisory.Affected![0], NuGetScheme.Scheme).Affected);
    }

    [Fact]
    public void Git_ranges_and_unreadable_versions_are_not_evaluated()
    {
        Assert.False(Evaluate("1.0.0", "GIT", """{"introduced":"abc"},{"fixed":"def"}""", SemVerScheme.Scheme).Evaluated);
        var unreadable = Evaluate("1.0.0", "SEMVER", """{"introduced":"not-a-version"}""", SemVerScheme.Scheme);
        Assert.False(unreadable.Evaluated);
        Assert.False(unreadable.Affected);
    }
}
