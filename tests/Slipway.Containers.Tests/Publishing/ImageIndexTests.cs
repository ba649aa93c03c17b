using System.Text;
using Slipway.Containers.Building;
using Slipway.Containers.Images;
using Slipway.Containers.Publishing.Merging;
using static Slipway.Containers.Tests.Publishing.PushReports;

namespace Slipway.Containers.Tests.Publishing;

public class ImageIndexTests
{
    [Fact]
    public void The_index_lists_the_manifests_in_order_with_their_platforms()
    {
        var index = ImageIndex.Compose([Manifest("linux/amd64", 'a', 501), Manifest("linux/arm64/v8", 'b', 502)]);

        Assert.Equal("application/vnd.oci.image.index.v1+json", index.MediaType);
        Assert.True(index.IsIndex);
        Assert.Equal([Digest('a'), Digest('b')], index.ListedDigests);
        Assert.Equal(
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[" +
            $"{{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"{Digest('a')}\",\"size\":501,\"platform\":{{\"architecture\":\"amd64\",\"os\":\"linux\"}}}}," +
            $"{{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"{Digest('b')}\",\"size\":502,\"platform\":{{\"architecture\":\"arm64\",\"os\":\"linux\",\"variant\":\"v8\"}}}}" +
            "]}",
            Encoding.UTF8.GetString(index.Content));
    }

    [Fact]
    public void The_same_manifests_give_the_same_digest_and_another_order_another()
    {
        PushedManifest[] manifests = [Manifest("linux/amd64", 'a'), Manifest("linux/arm64", 'b')];

        var first = ImageIndex.Compose(manifests);
        var again = ImageIndex.Compose(manifests.ToList());
        var reversed = ImageIndex.Compose(manifests.Reverse().ToList());

        Assert.Equal(first.Digest, again.Digest);
        Assert.Equal(Containers.Publishing.Registry.Manifest.DigestOf(first.Content), first.Digest);
        Assert.NotEqual(first.Digest, reversed.Digest);
    }

    [Fact]
    public void Buildx_attestations_follow_the_platforms_annotated_with_the_manifest_each_describes()
    {
        var amd64 = Manifest("linux/amd64", 'a', 501) with { Attestation = new PushedAttestation { Digest = Digest('c'), MediaType = "application/vnd.oci.image.manifest.v1+json", Size = 566 } };
        var arm64 = Manifest("linux/arm64", 'b', 502);

        var index = ImageIndex.Compose([amd64, arm64]);

        Assert.Equal([Digest('a'), Digest('b'), Digest('c')], index.ListedDigests);
        Assert.EndsWith(
            $"{{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"{Digest('c')}\",\"size\":566," +
            $"\"annotations\":{{\"vnd.docker.reference.digest\":\"{Digest('a')}\",\"vnd.docker.reference.type\":\"attestation-manifest\"}}," +
            "\"platform\":{\"architecture\":\"unknown\",\"os\":\"unknown\"}}]}",
            Encoding.UTF8.GetString(index.Content));
        // Read back the way BuildImages reads the engine's indexes: the same platforms, the attestation found for its manifest.
        var parsed = System.Text.Json.Nodes.JsonNode.Parse(index.Content)!.AsObject();
        Assert.Equal([new OciIndex.Entry("linux/amd64", Digest('a')), new OciIndex.Entry("linux/arm64", Digest('b'))], OciIndex.PlatformEntries(parsed));
        Assert.Equal(new Dictionary<string, string> { [Digest('a')] = Digest('c') }, OciIndex.AttestationEntries(parsed));
    }

    [Fact]
    public void An_index_of_nothing_is_refused() =>
        Assert.Throws<ArgumentException>(() => ImageIndex.Compose([]));
}
