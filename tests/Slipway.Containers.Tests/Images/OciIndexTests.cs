using System.Text.Json.Nodes;
using Slipway.Containers.Images;

namespace Slipway.Containers.Tests.Images;

/// <summary>An index as buildx 0.13 writes one for two platforms with provenance: every image reader reads it by these rules.</summary>
public class OciIndexTests
{
    private static readonly JsonObject Index = JsonNode.Parse("""
        {
          "schemaVersion": 2,
          "mediaType": "application/vnd.oci.image.index.v1+json",
          "manifests": [
            { "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:a1", "size": 1, "platform": { "architecture": "amd64", "os": "linux" } },
            { "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:a2", "size": 1, "platform": { "architecture": "arm64", "os": "linux", "variant": "v8" } },
            { "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:p1", "size": 1, "platform": { "architecture": "unknown", "os": "unknown" },
              "annotations": { "vnd.docker.reference.digest": "sha256:a1", "vnd.docker.reference.type": "attestation-manifest" } },
            { "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:p2", "size": 1, "platform": { "architecture": "unknown", "os": "unknown" },
              "annotations": { "vnd.docker.reference.digest": "sha256:a2", "vnd.docker.reference.type": "attestation-manifest" } }
          ]
        }
        """)!.AsObject();

    [Fact]
    public void Platform_entries_leave_the_attestation_manifests_out() =>
        Assert.Equal([new OciIndex.Entry("linux/amd64", "sha256:a1"), new OciIndex.Entry("linux/arm64/v8", "sha256:a2")], OciIndex.PlatformEntries(Index));

    [Fact]
    public void Attestation_manifests_are_found_by_the_image_they_describe()
    {
        Assert.Equal(new Dictionary<string, string> { ["sha256:a1"] = "sha256:p1", ["sha256:a2"] = "sha256:p2" }, OciIndex.AttestationEntries(Index));
        Assert.True(OciIndex.IsAttestation(Index["manifests"]![2]!));
        Assert.False(OciIndex.IsAttestation(Index["manifests"]![0]!));
    }

    [Theory]
    [InlineData("application/vnd.oci.image.index.v1+json", true)]
    [InlineData("application/vnd.docker.distribution.manifest.list.v2+json", true)]
    [InlineData("application/vnd.oci.image.manifest.v1+json", false)]
    [InlineData("application/vnd.docker.distribution.manifest.v2+json", false)]
    [InlineData(null, false)]
    public void Indexes_and_manifest_lists_are_told_from_manifests(string? mediaType, bool isIndex) => Assert.Equal(isIndex, OciIndex.IsIndex(mediaType));

    [Fact]
    public void A_manifests_content_is_its_config_and_layers() =>
        Assert.Equal(10 + 200 + 3000, OciIndex.ContentSize(JsonNode.Parse("""{"config":{"size":10},"layers":[{"size":200},{"size":3000}]}""")!.AsObject()));
}
