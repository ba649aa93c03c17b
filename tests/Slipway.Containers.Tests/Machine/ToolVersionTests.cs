using Slipway.Containers.Machine.Checks;

namespace Slipway.Containers.Tests.Machine;

public class ToolVersionTests
{
    [Theory]
    [InlineData("github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3", "0.13.1")]
    [InlineData("github.com/docker/buildx v0.12.1 30feaa1a923c6e6fc3ae3e0ce2ca18e4aa1f5f04", "0.12.1")]
    [InlineData("github.com/docker/buildx v0.17.1-desktop.1 257815a6fb95ed2fba6e5d4fbdf4f3de6fbd1b5d", "0.17.1")]
    [InlineData("Docker Compose version 2.26.1-4", "2.26.1")]
    [InlineData("Docker Compose version v2.29.7-desktop.1", "2.29.7")]
    [InlineData("Docker Compose version v2.20\n", "2.20")]
    [InlineData("26.1.5+dfsg1", "26.1.5")]
    public void Reads_the_version_from_the_tools_output(string output, string expected) =>
        Assert.Equal(Version.Parse(expected), ToolVersion.Parse(output));

    [Theory]
    [InlineData("")]
    [InlineData("docker: 'buildx' is not a docker command.")]
    [InlineData(null)]
    public void Output_without_a_version_gives_none(string? output) => Assert.Null(ToolVersion.Parse(output));

    [Theory]
    [InlineData("0.12.0", "0.12", true)]
    [InlineData("0.12", "0.12", true)]
    [InlineData("0.11.2", "0.12", false)]
    [InlineData("0.13.1", "0.12", true)]
    [InlineData("2.19.9", "2.20", false)]
    [InlineData("2.20.0", "2.20", true)]
    [InlineData("2.100.0", "2.20", true)]
    [InlineData("20.10.24", "24.0", false)]
    public void Compares_against_a_minimum_numerically(string version, string minimum, bool expected) =>
        Assert.Equal(expected, ToolVersion.IsAtLeast(Version.Parse(version), Version.Parse(minimum)));

    [Fact]
    public void A_missing_tool_is_never_recent_enough() => Assert.False(ToolVersion.IsAtLeast(null, ToolVersion.MinimumBuildx));

    [Fact]
    public void Formats_with_or_without_a_patch_number()
    {
        Assert.Equal("0.13.1", ToolVersion.Format(new Version(0, 13, 1)));
        Assert.Equal("2.20", ToolVersion.Format(ToolVersion.MinimumCompose));
    }
}
