using System.Text.Json.Nodes;
using Slipway.Containers.Machine.Setup;

namespace Slipway.Containers.Tests.Machine;

public class DaemonJsonTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("{}", false)]
    [InlineData("""{"features":{"containerd-snapshotter":false}}""", false)]
    [InlineData("""{"features":{"containerd-snapshotter":"true"}}""", false)]
    [InlineData("""{"features":{"containerd-snapshotter":true}}""", true)]
    public void Knows_whether_the_containerd_store_is_asked_for(string? text, bool expected) =>
        Assert.Equal(expected, DaemonJson.EnablesContainerdSnapshotter(text));

    [Fact]
    public void Adds_the_feature_and_keeps_everything_else()
    {
        var merged = JsonNode.Parse(DaemonJson.WithContainerdSnapshotter("""{"registry-mirrors":["http://m"],"features":{"buildkit":true,"containerd-snapshotter":false}}"""))!;
        Assert.Equal("http://m", merged["registry-mirrors"]![0]!.GetValue<string>());
        Assert.True(merged["features"]!["buildkit"]!.GetValue<bool>());
        Assert.True(merged["features"]!["containerd-snapshotter"]!.GetValue<bool>());
    }

    [Fact]
    public void Bad_json_is_an_error_naming_the_file()
    {
        var e = Assert.Throws<InvalidDataException>(() => DaemonJson.WithContainerdSnapshotter("{\"features\":"));
        Assert.Contains("/etc/docker/daemon.json is not valid JSON", e.Message);
    }

    [Fact]
    public void Features_that_are_not_an_object_are_an_error_naming_the_field()
    {
        var e = Assert.Throws<InvalidDataException>(() => DaemonJson.WithContainerdSnapshotter("""{"features":true}"""));
        Assert.Contains("\"features\" is not an object", e.Message);
    }
}
