using Slipway.Containers.Scanning.Versions;

namespace Slipway.Containers.Tests.Scanning.Versions;

/// <summary>Each expectation was checked against python's packaging (Version, 21.3).</summary>
public class Pep440Tests
{
    [Theory]
    [InlineData("1.0", "1.0.0", 0)]
    [InlineData("1.0", "1.1", -1)]
    [InlineData("1.10", "1.9", 1)]
    [InlineData("1!1.0", "2.0", 1)]
    // dev < pre < final < post.
    [InlineData("1.0.dev1", "1.0a1", -1)]
    [InlineData("1.0a1", "1.0b1", -1)]
    [InlineData("1.0b2", "1.0rc1", -1)]
    [InlineData("1.0rc1", "1.0", -1)]
    [InlineData("1.0", "1.0.post1", -1)]
    [InlineData("1.0.post1.dev1", "1.0.post1", -1)]
    [InlineData("1.0a1.dev1", "1.0a1", -1)]
    // Alternative spellings normalize.
    [InlineData("1.0alpha1", "1.0a1", 0)]
    [InlineData("1.0-beta.2", "1.0b2", 0)]
    [InlineData("1.0c1", "1.0rc1", 0)]
    [InlineData("1.0-1", "1.0.post1", 0)]
    [InlineData("v2.31.0", "2.31.0", 0)]
    // A local label sorts after the same public version, and before the next one or a post-release.
    [InlineData("1.0+ubuntu1", "1.0", 1)]
    [InlineData("1.1+deb12u1", "1.1", 1)]
    [InlineData("1.0+ubuntu1", "1.1", -1)]
    [InlineData("1.0+ubuntu1", "1.0.post1", -1)]
    [InlineData("1.0a1+local", "1.0a1", 1)]
    [InlineData("1.0a1+local", "1.0", -1)]
    [InlineData("1.0.dev1+local", "1.0.dev1", 1)]
    // Local labels segment by segment: numbers as numbers and above words, words as text, longer above its prefix.
    [InlineData("1.0+ubuntu1", "1.0+ubuntu2", -1)]
    [InlineData("1.0+ubuntu2", "1.0+ubuntu10", 1)]
    [InlineData("1.0+ubuntu.2", "1.0+ubuntu.10", -1)]
    [InlineData("1.0+2", "1.0+10", -1)]
    [InlineData("1.0+007", "1.0+7", 0)]
    [InlineData("1.0+1", "1.0+abc", 1)]
    [InlineData("1.0+abc", "1.0+abc.5", -1)]
    [InlineData("2.31.0+cpu", "2.31.0+cu118", -1)]
    [InlineData("1.0+local-1", "1.0+local_1", 0)]
    [InlineData("1.0+LOCAL.1", "1.0+local.1", 0)]
    public void Orders_like_pep_440(string left, string right, int expected)
    {
        Assert.True(Pep440Scheme.Scheme.TryCompare(left, right, out var order));
        Assert.Equal(expected, order);
        Assert.True(Pep440Scheme.Scheme.TryCompare(right, left, out var reverse));
        Assert.Equal(-expected, reverse);
    }

    [Theory]
    [InlineData("not-a-version")]
    [InlineData("1.0+")]
    [InlineData("1.0+ubuntu..1")]
    public void Rejects_what_is_not_a_version(string version) => Assert.False(Pep440Scheme.Scheme.TryCompare(version, "1.0", out _));
}
