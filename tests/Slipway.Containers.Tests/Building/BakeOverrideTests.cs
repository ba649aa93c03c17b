using System.Text.Json.Nodes;
using Slipway.Containers.Building;

namespace Slipway.Containers.Tests.Building;

/// <summary>The bake file's attestations: provenance with everything the build records, and buildx's SBOM only when asked for.</summary>
public sealed class BakeOverrideTests
{
    private static BakeSettings Settings(bool sbom) => new("acme/api", "sha-0123456", ["linux/amd64"], new Dictionary<string, string>(), new Dictionary<string, string>(),
        LayerCache.None, null, BakeOverride.Attestations(sbom));

    [Fact]
    public void Every_target_attests_max_provenance_and_buildx_sbom_only_when_asked()
    {
        var plain = JsonNode.Parse(BakeOverride.Write(new Dictionary<string, BakeSettings> { ["api"] = Settings(false) }))!;
        var withSbom = JsonNode.Parse(BakeOverride.Write(new Dictionary<string, BakeSettings> { ["api"] = Settings(true) }))!;

        Assert.Equal(["type=provenance,mode=max"], plain["target"]!["api"]!["attest"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(["type=provenance,mode=max", "type=sbom"], withSbom["target"]!["api"]!["attest"]!.AsArray().Select(a => a!.GetValue<string>()));
    }
}
