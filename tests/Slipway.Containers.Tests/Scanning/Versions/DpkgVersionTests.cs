using Slipway.Containers.Scanning.Versions;

namespace Slipway.Containers.Tests.Scanning.Versions;

public class DpkgVersionTests
{
    [Theory]
    [InlineData("1.0", "1.0", 0)]
    [InlineData("1.0", "1.1", -1)]
    [InlineData("1.10", "1.9", 1)]
    [InlineData("1.002", "1.2", 0)]
    // Epochs outrank everything else.
    [InlineData("1:1.0", "2.0", 1)]
    [InlineData("0:1.0", "1.0", 0)]
    [InlineData("2:0.1", "1:9.9", 1)]
    // '~' sorts before anything, even the end: pre-releases and backports.
    [InlineData("1.0~rc1", "1.0", -1)]
    [InlineData("1.0~rc1", "1.0~rc2", -1)]
    [InlineData("1.0~~", "1.0~", -1)]
    [InlineData("3.0.11-1~deb12u2", "3.0.11-1", -1)]
    [InlineData("3.0.11-1~deb12u2", "3.0.11-1~deb12u1", 1)]
    // Revisions.
    [InlineData("1.2-1", "1.2-2", -1)]
    [InlineData("1.2-10", "1.2-9", 1)]
    [InlineData("1.2", "1.2-0", 0)]
    [InlineData("2.36.1-8+deb12u1", "2.36.1-8", 1)]
    // Letters sort before non-letters; '+' and '.' after letters.
    [InlineData("1.0a", "1.0+", -1)]
    [InlineData("1.0a", "1.0.", -1)]
    [InlineData("1.0", "1.0a", -1)]
    [InlineData("1.2.3-4-5", "1.2.3-4", 1)] // the last hyphen starts the revision: upstream 1.2.3-4 > 1.2.3
    [InlineData("7.88.1-10+deb12u5", "7.88.1-10+deb12u12", -1)]
    public void Orders_like_dpkg(string left, string right, int expected)
    {
        Assert.True(DpkgVersion.Scheme.TryCompare(left, right, out var order));
        Assert.Equal(expected, order);
        Assert.True(DpkgVersion.Scheme.TryCompare(right, left, out var reverse));
        Assert.Equal(-expected, reverse);
    }

    [Theory]
    [InlineData("x:1.0")]
    [InlineData("")]
    [InlineData("-1")]
    public void Rejects_what_is_not_a_version(string version) =>
        Assert.False(DpkgVersion.Scheme.TryCompare(version, "1.0", out _));
}
