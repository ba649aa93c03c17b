using Slipway.Containers.Scanning.Versions;

namespace Slipway.Containers.Tests.Scanning.Versions;

public class SemVerAndNuGetTests
{
    [Theory]
    [InlineData("1.0.0", "1.0.0", 0)]
    [InlineData("1.0.0", "2.0.0", -1)]
    [InlineData("1.10.0", "1.9.0", 1)]
    [InlineData("v1.2.3", "1.2.3", 0)]
    // SemVer 2.0 precedence of prereleases (semver.org §11).
    [InlineData("1.0.0-alpha", "1.0.0", -1)]
    [InlineData("1.0.0-alpha", "1.0.0-alpha.1", -1)]
    [InlineData("1.0.0-alpha.1", "1.0.0-alpha.beta", -1)]
    [InlineData("1.0.0-alpha.beta", "1.0.0-beta", -1)]
    [InlineData("1.0.0-beta.2", "1.0.0-beta.11", -1)]
    [InlineData("1.0.0-beta.11", "1.0.0-rc.1", -1)]
    // Build metadata does not count.
    [InlineData("1.0.0+build.1", "1.0.0+build.2", 0)]
    public void SemVer_orders_by_precedence(string left, string right, int expected)
    {
        Assert.True(SemVerScheme.Scheme.TryCompare(left, right, out var order));
        Assert.Equal(expected, order);
    }

    // Where SemVer 2.0 and NuGet part: SemVer compares prerelease labels in ASCII order (uppercase before lowercase),
    // NuGet ignores their case. OSV's SEMVER ranges and release tags follow SemVer; NuGet packages follow NuGet.
    [Theory]
    [InlineData("1.0.0-Beta", "1.0.0-alpha", -1, 1)]
    [InlineData("1.0.0-RC.1", "1.0.0-rc.1", -1, 0)]
    [InlineData("1.0.0-alpha", "1.0.0-ALPHA", 1, 0)]
    [InlineData("2.0.0-Zeta", "2.0.0-beta", -1, 1)]
    public void SemVer_and_NuGet_differ_on_the_case_of_prerelease_labels(string left, string right, int semver, int nuget)
    {
        Assert.True(SemVerScheme.Scheme.TryCompare(left, right, out var semverOrder));
        Assert.True(NuGetScheme.Scheme.TryCompare(left, right, out var nugetOrder));
        Assert.Equal((semver, nuget), (semverOrder, nugetOrder));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.0.0.0")]
    [InlineData("latest")]
    [InlineData("01.0.0")]
    [InlineData("1.0.0-rc.01")]
    public void SemVer_rejects_non_semver(string version) =>
        Assert.False(SemVerScheme.Scheme.TryCompare(version, "1.0.0", out _));

    [Theory]
    [InlineData("1.0", "1.0.0", 0)]
    [InlineData("1.0.0.0", "1.0.0", 0)]
    [InlineData("1.0.0.1", "1.0.0", 1)]
    [InlineData("10.0.3", "10.0.12", -1)]
    [InlineData("8.0.0-preview.1", "8.0.0", -1)]
    [InlineData("8.0.0-rc.2.23479.6", "8.0.0-rc.10", -1)]
    [InlineData("1.0.0-BETA", "1.0.0-beta", 0)]
    [InlineData("3.4.35", "3.4.35+abcdef", 0)]
    public void NuGet_orders_like_NuGet(string left, string right, int expected)
    {
        Assert.True(NuGetScheme.Scheme.TryCompare(left, right, out var order));
        Assert.Equal(expected, order);
    }
}
