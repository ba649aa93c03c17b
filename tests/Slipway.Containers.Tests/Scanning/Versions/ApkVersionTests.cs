using Slipway.Containers.Scanning.Versions;

namespace Slipway.Containers.Tests.Scanning.Versions;

/// <summary>apk-tools is not in Debian: the expectations follow Alpine's documented version rules, case by case.</summary>
public class ApkVersionTests
{
    [Theory]
    [InlineData("1.2.3", "1.2.3", 0)]
    [InlineData("1.2.3", "1.2.4", -1)]
    [InlineData("1.10", "1.9", 1)]
    [InlineData("20240101", "3.19", 1)]
    [InlineData("1.2", "1.2.1", -1)] // the version that goes on is the later one…
    // …unless what follows is a pre-release suffix: _alpha < _beta < _pre < _rc < release.
    [InlineData("1.2_alpha", "1.2", -1)]
    [InlineData("1.2_beta2", "1.2", -1)]
    [InlineData("1.2_pre1", "1.2", -1)]
    [InlineData("1.2_rc3", "1.2", -1)]
    [InlineData("1.2_alpha9", "1.2_beta1", -1)]
    [InlineData("1.2_beta", "1.2_pre", -1)]
    [InlineData("1.2_pre9", "1.2_rc1", -1)]
    [InlineData("1.2_rc1", "1.2_rc2", -1)]
    [InlineData("1.2_rc", "1.2_rc1", -1)]
    [InlineData("0.1_alpha_pre2", "0.1_alpha", -1)]
    [InlineData("2.0_rc1-r5", "2.0-r0", -1)]
    // Post-release suffixes: release < _cvs < _svn < _git < _hg < _p, all before the next dotted number.
    [InlineData("1.2_cvs", "1.2", 1)]
    [InlineData("1.2_svn", "1.2_cvs", 1)]
    [InlineData("1.2_git20230717", "1.2", 1)]
    [InlineData("1.2_hg1", "1.2_git9", 1)]
    [InlineData("1.2_p1", "1.2_hg1", 1)]
    [InlineData("1.2_p1", "1.2.1", -1)]
    [InlineData("1.2.4_git20230717-r4", "1.2.4-r4", 1)]
    [InlineData("9.6_p1-r0", "9.6-r1", 1)]
    [InlineData("9.6_p1-r0", "9.6_p1-r1", -1)]
    // A letter after the numbers.
    [InlineData("1.2a", "1.2", 1)]
    [InlineData("1.2a", "1.2b", -1)]
    [InlineData("1.2z", "1.2.1", -1)]
    [InlineData("1.2a_rc1", "1.2a", -1)]
    // Package releases, as numbers.
    [InlineData("1.2-r1", "1.2", 1)]
    [InlineData("1.2-r0", "1.2", 1)]
    [InlineData("1.2-r10", "1.2-r9", 1)]
    [InlineData("1.36.1-r15", "1.36.1-r2", 1)]
    [InlineData("3.1.4-r5", "3.1.4-r6", -1)]
    [InlineData("1.2_p1", "1.2-r5", 1)]
    // A dotted part with a leading zero compares as text.
    [InlineData("1.01", "1.1", -1)]
    [InlineData("1.001", "1.01", -1)]
    [InlineData("1.010", "1.01", 1)]
    [InlineData("8.2.0", "8.2.001", -1)]
    // Commit hashes, as text.
    [InlineData("1.0~1234", "1.0~2345", -1)]
    [InlineData("1.0~abc-r1", "1.0~abc-r0", 1)]
    public void Orders_like_apk(string left, string right, int expected)
    {
        Assert.True(ApkVersion.Scheme.TryCompare(left, right, out var order));
        Assert.Equal(expected, order);
        Assert.True(ApkVersion.Scheme.TryCompare(right, left, out var reverse));
        Assert.Equal(-expected, reverse);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData(".1")]
    [InlineData("1.2bc")]
    [InlineData("1.2a1")]
    [InlineData("1.2_foo")]
    [InlineData("1.2_")]
    [InlineData("1.2-r")]
    [InlineData("1.2-1")]
    [InlineData("1.2-r1-r2")]
    [InlineData("1.2-r1_p1")]
    [InlineData("1.2~xyz")]
    public void Rejects_what_is_not_an_apk_version(string version) =>
        Assert.False(ApkVersion.Scheme.TryCompare(version, "1.0", out _));
}
