using System.Diagnostics;
using Slipway.Containers.Scanning.Versions;

namespace Slipway.Containers.Tests.Scanning.Versions;

public class DpkgVersionTests
{
    /// <summary>Each case is also put to dpkg itself (<see cref="Dpkg_agrees_with_the_table"/>).</summary>
    public static TheoryData<string, string, int> Cases => new()
    {
        { "1.0", "1.0", 0 },
        { "1.0", "1.1", -1 },
        { "1.10", "1.9", 1 },
        { "1.002", "1.2", 0 },
        // Epochs outrank everything else.
        { "1:1.0", "2.0", 1 },
        { "0:1.0", "1.0", 0 },
        { "2:0.1", "1:9.9", 1 },
        // '~' sorts before anything, even the end: pre-releases and backports.
        { "1.0~rc1", "1.0", -1 },
        { "1.0~rc1", "1.0~rc2", -1 },
        { "1.0~~", "1.0~", -1 },
        { "3.0.11-1~deb12u2", "3.0.11-1", -1 },
        { "3.0.11-1~deb12u2", "3.0.11-1~deb12u1", 1 },
        // Revisions.
        { "1.2-1", "1.2-2", -1 },
        { "1.2-10", "1.2-9", 1 },
        { "1.2", "1.2-0", 0 },
        { "2.36.1-8+deb12u1", "2.36.1-8", 1 },
        // Letters sort before non-letters; '+' and '.' after letters.
        { "1.0a", "1.0+", -1 },
        { "1.0a", "1.0.", -1 },
        { "1.0", "1.0a", -1 },
        { "1.2.3-4-5", "1.2.3-4", 1 }, // the last hyphen starts the revision: upstream 1.2.3-4 > 1.2.3
        { "7.88.1-10+deb12u5", "7.88.1-10+deb12u12", -1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Orders_like_dpkg(string left, string right, int expected)
    {
        Assert.True(DpkgVersion.Scheme.TryCompare(left, right, out var order));
        Assert.Equal(expected, order);
        Assert.True(DpkgVersion.Scheme.TryCompare(right, left, out var reverse));
        Assert.Equal(-expected, reverse);
    }

    /// <summary>dpkg is the reference implementation and is on every Debian and Ubuntu machine these tests run on.</summary>
    [Fact]
    public void Dpkg_agrees_with_the_table()
    {
        var disagreements = Cases.Select(c => ((string)c[0], (string)c[1], (int)c[2]))
            .Where(c => DpkgOrder(c.Item1, c.Item2) != c.Item3)
            .Select(c => $"{c.Item1} vs {c.Item2}: table says {c.Item3}, dpkg says {DpkgOrder(c.Item1, c.Item2)}")
            .ToList();
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    private static int DpkgOrder(string left, string right) =>
        DpkgSays(left, "lt", right) ? -1 : DpkgSays(left, "eq", right) ? 0 : 1;

    private static bool DpkgSays(string left, string relation, string right)
    {
        using var dpkg = Process.Start(new ProcessStartInfo("dpkg", ["--compare-versions", left, relation, right]) { RedirectStandardError = true })
                         ?? throw new InvalidOperationException("dpkg could not be started.");
        var error = dpkg.StandardError.ReadToEnd();
        dpkg.WaitForExit();
        Assert.True(dpkg.ExitCode is 0 or 1, $"dpkg --compare-versions {left} {relation} {right} failed ({dpkg.ExitCode}): {error}");
        return dpkg.ExitCode == 0;
    }

    [Theory]
    [InlineData("x:1.0")]
    [InlineData("")]
    [InlineData("-1")]
    public void Rejects_what_is_not_a_version(string version) =>
        Assert.False(DpkgVersion.Scheme.TryCompare(version, "1.0", out _));
}
