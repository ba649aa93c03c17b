using Slipway.Containers.Scanning.Versions;

namespace Slipway.Containers.Tests.Scanning.Versions;

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
    // Local labels are ignored.
    [InlineData("1.0+ubuntu1", "1.0", 0)]
    public void Orders_like_pep_440(string left, string right, int expected)
    {
        Assert.True(Pep440Scheme.Scheme.TryCompare(left, right, out var order));
        Assert.Equal(expected, order);
        Assert.True(Pep440Scheme.Scheme.TryCompare(right, left, out var reverse));
        Assert.Equal(-expected, reverse);
    }

    [Fact]
    public void Rejects_what_is_not_a_version() => Assert.False(Pep440Scheme.Scheme.TryCompare("not-a-version", "1.0", out _));
}
