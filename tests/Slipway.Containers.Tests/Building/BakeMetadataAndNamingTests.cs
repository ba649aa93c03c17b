using Slipway.Containers.Building;

namespace Slipway.Containers.Tests.Building;

/// <summary>buildx's metadata file (as buildx 0.13 writes it for the containerd and the classic store) and the names BuildImages gives.</summary>
public class BakeMetadataAndNamingTests
{
    private const string Metadata = """
        {
          "buildx.build.warnings": [],
          "api": {
            "buildx.build.ref": "default/default/2ijh97ucu6cy1hud24t8yjzl0",
            "containerimage.descriptor": { "mediaType": "application/vnd.oci.image.index.v1+json", "digest": "sha256:aaaa", "size": 856 },
            "containerimage.digest": "sha256:aaaa",
            "image.name": "docker.io/shop/api:sha-1a2b3c4-0f0f0f0f"
          },
          "web": {
            "containerimage.config.digest": "sha256:bbbb",
            "containerimage.digest": "sha256:bbbb",
            "image.name": "docker.io/shop/web:sha-1a2b3c4-0f0f0f0f"
          }
        }
        """;

    [Fact]
    public void Each_targets_digest_is_read_from_the_metadata_file() =>
        Assert.Equal(new Dictionary<string, string> { ["api"] = "sha256:aaaa", ["web"] = "sha256:bbbb" }, BakeMetadata.Digests(Metadata, ["api", "web"]));

    [Fact]
    public void A_target_the_metadata_does_not_name_is_an_error_naming_it() =>
        Assert.Equal("buildx metadata file has no containerimage.digest for 'worker'.",
            Assert.Throws<InvalidDataException>(() => BakeMetadata.Digests(Metadata, ["api", "worker"])).Message);

    [Theory]
    [InlineData(false, "sha-1a2b3c4")]
    [InlineData(true, "sha-1a2b3c4-dirty")]
    public void The_version_is_the_short_commit_and_whether_the_tree_was_clean(bool dirty, string version) =>
        Assert.Equal(version, ImageNaming.Version(new SourceRevision("1a2b3c4d5e6f" + new string('0', 28), dirty, DateTimeOffset.UnixEpoch, null)));

    [Fact]
    public void The_local_tag_is_the_version_and_a_stable_short_hash_of_the_checkout()
    {
        var tag = ImageNaming.LocalTag("sha-1a2b3c4", "/home/dev/shop");
        Assert.Matches("^sha-1a2b3c4-[0-9a-f]{8}$", tag);
        Assert.Equal(tag, ImageNaming.LocalTag("sha-1a2b3c4", "/home/dev/shop"));
        Assert.NotEqual(tag, ImageNaming.LocalTag("sha-1a2b3c4", "/home/dev/shop-2"));
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("acme/shop")]
    [InlineData("localhost:5000/acme")]
    [InlineData("ghcr.io/acme/shop.app_v2")]
    public void A_valid_image_prefix_is_taken_as_it_is(string prefix) => Assert.Null(ImageNaming.PrefixError(prefix));

    [Theory]
    [InlineData("Acme")]
    [InlineData("acme corp")]
    [InlineData("acme//shop")]
    [InlineData("/acme")]
    [InlineData("acme/-shop")]
    public void An_invalid_image_prefix_is_an_error_not_rewritten(string prefix) => Assert.NotNull(ImageNaming.PrefixError(prefix));
}
