using Slipway.Containers.Scanning.Versions;

namespace Slipway.Containers.Tests.Scanning.Versions;

/// <summary>Expectations from the POM reference's version order; each was checked against Maven 3.8.7's ComparableVersion.</summary>
public class MavenVersionTests
{
    [Theory]
    // Numbers compare as numbers; trailing zeros do not count.
    [InlineData("1.9", "1.10.0", -1)]
    [InlineData("1.10", "1.10.0", 0)]
    [InlineData("1", "1.0.0", 0)]
    [InlineData("1.0", "1.1", -1)]
    [InlineData("0.9", "0.10", -1)]
    [InlineData("2.13.4.2", "2.13.4", 1)]
    [InlineData("2.13.4.2", "2.13.5", -1)]
    // alpha < beta < milestone < rc = cr < snapshot < release < sp < other qualifiers.
    [InlineData("2.15.0-rc1", "2.15.0", -1)]
    [InlineData("2.15.0-rc1", "2.15.0-rc2", -1)]
    [InlineData("1.0-alpha1", "1.0-beta1", -1)]
    [InlineData("1.0-beta1", "1.0-milestone1", -1)]
    [InlineData("1.0-milestone1", "1.0-rc1", -1)]
    [InlineData("1.0-rc1", "1.0-SNAPSHOT", -1)]
    [InlineData("1.0-SNAPSHOT", "1.0", -1)]
    [InlineData("1.0", "1.0-sp1", -1)]
    [InlineData("1.0-sp1", "1.0-foo", -1)]
    [InlineData("1.0-bar", "1.0-foo", -1)]
    [InlineData("1.0-alpha", "1.0-alpha1", -1)]
    [InlineData("1.2.3-SNAPSHOT", "1.2.3-20230101.120000-1", -1)]
    // Spellings of the same version: case, aliases, release qualifiers, a1/b2/m3 shorthands.
    [InlineData("2.15.0-RC1", "2.15.0-rc1", 0)]
    [InlineData("2.15.0-cr1", "2.15.0-rc1", 0)]
    [InlineData("1.0-a1", "1.0-alpha-1", 0)]
    [InlineData("1.0b2", "1.0-beta-2", 0)]
    [InlineData("1.0-m3", "1.0-milestone3", 0)]
    [InlineData("1.0-ga", "1.0", 0)]
    [InlineData("1.0.Final", "1.0", 0)]
    [InlineData("5.3.20.RELEASE", "5.3.20", 0)]
    [InlineData("5.3.20.RELEASE", "5.3.21", -1)]
    [InlineData("1.foo", "1-foo", 0)]
    // Numbers inside qualifiers, and the separators: ".qualifier" = "-qualifier" < "-number" < ".number".
    [InlineData("1.0-foo2", "1.0-foo10", -1)]
    [InlineData("1.0.RC2", "1.0-RC3", -1)]
    [InlineData("1.0-RC3", "1.0.1", -1)]
    [InlineData("1-foo", "1-1", -1)]
    [InlineData("1-1", "1.1", -1)]
    [InlineData("1.0.0-1", "1.0.0.1", -1)]
    [InlineData("1.7", "1.K", 1)]
    // Versions as Java libraries write them.
    [InlineData("31.1-jre", "32.0.0-jre", -1)]
    [InlineData("31.1-android", "31.1-jre", -1)]
    [InlineData("9.4.51.v20230217", "9.4.52.v20230823", -1)]
    public void Orders_like_maven(string left, string right, int expected)
    {
        Assert.True(MavenVersion.Scheme.TryCompare(left, right, out var order));
        Assert.Equal(expected, order);
        Assert.True(MavenVersion.Scheme.TryCompare(right, left, out var reverse));
        Assert.Equal(-expected, reverse);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Rejects_an_empty_version(string version) => Assert.False(MavenVersion.Scheme.TryCompare(version, "1.0", out _));
}
