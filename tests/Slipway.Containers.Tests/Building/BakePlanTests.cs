using System.Text.Json.Nodes;
using Slipway.Build.Execution;
using Slipway.Containers.Building;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Tests.Building;

/// <summary>The bake BuildImages would run, decided without Docker: names, labels, cache, attestations and the command line.</summary>
public class BakePlanTests
{
    private static readonly SourceRevision Revision = new(new string('a', 40), false, new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero), "https://github.com/acme/shop");

    private static ServiceDefinition Service(string name, bool built) => new(name, built ? null : "postgres:16",
        built ? new BuildDefinition("/repo/" + name, "Dockerfile", null, new Dictionary<string, string?>()) : null,
        false, [], new Dictionary<string, string>(), new Dictionary<string, JsonNode?>());

    private static readonly StackDefinition Stack = new("shop", [Service("web", true), Service("db", false), Service("api", true)], new JsonObject(), "");

    private static BakeRequest Request => new()
    {
        Stack = Stack, Revision = Revision, RootDirectory = "/repo", Platforms = ["linux/amd64", "linux/arm64"],
        Cache = LayerCache.Local, CacheLocation = ".nuke/temp/buildx-cache",
    };

    private static JsonObject Target(BakePlan plan, string service) => (JsonObject)JsonNode.Parse(plan.OverrideJson)!["target"]![service]!;

    [Fact]
    public void Built_services_get_their_repository_a_checkout_tag_and_labels_of_the_version()
    {
        var plan = BakePlan.For(Request);
        Assert.Equal(["web", "api"], plan.Services);
        Assert.Equal("sha-aaaaaaa", plan.Version);
        Assert.Equal(ImageNaming.LocalTag("sha-aaaaaaa", "/repo"), plan.Tag);
        Assert.StartsWith("sha-aaaaaaa-", plan.Tag);

        var web = Target(plan, "web");
        Assert.Equal([$"shop/web:{plan.Tag}"], web["tags"]!.AsArray().Select(t => (string)t!));
        Assert.Equal(["linux/amd64", "linux/arm64"], web["platforms"]!.AsArray().Select(p => (string)p!));
        Assert.Equal("sha-aaaaaaa", (string)web["labels"]!["org.opencontainers.image.version"]!);
        Assert.Equal("https://github.com/acme/shop", (string)web["labels"]!["org.opencontainers.image.source"]!);
        Assert.Equal(["type=provenance,mode=max"], web["attest"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(["type=local,src=.nuke/temp/buildx-cache/web"], web["cache-from"]!.AsArray().Select(c => (string)c!));
        Assert.Null(JsonNode.Parse(plan.OverrideJson)!["target"]!["db"]);
    }

    [Fact]
    public void Two_checkouts_of_one_commit_get_tags_of_their_own_and_the_same_labels()
    {
        var one = BakePlan.For(Request);
        var other = BakePlan.For(Request with { RootDirectory = "/elsewhere/repo" });
        Assert.NotEqual(one.Tag, other.Tag);
        Assert.Equal(Target(one, "api")["labels"]!.ToJsonString(), Target(other, "api")["labels"]!.ToJsonString());
    }

    [Fact]
    public void The_CI_repository_address_is_the_source_label_and_the_prefix_and_args_are_taken()
    {
        var plan = BakePlan.For(Request with { SourceUrl = "https://ghe.example.com/acme/shop", ImagePrefix = "acme/shop", BuildArgs = new Dictionary<string, string> { ["A"] = "1" } });
        var api = Target(plan, "api");
        Assert.Equal("https://ghe.example.com/acme/shop", (string)api["labels"]!["org.opencontainers.image.source"]!);
        Assert.Equal([$"acme/shop/api:{plan.Tag}"], api["tags"]!.AsArray().Select(t => (string)t!));
        Assert.Equal("1", (string)api["args"]!["A"]!);
    }

    [Fact]
    public void A_classic_store_builds_one_platform_without_cache_or_attestations_and_says_so()
    {
        var plan = BakePlan.For(Request with { Platforms = ["linux/amd64"], ClassicStore = true });
        var web = Target(plan, "web");
        Assert.Null(web["attest"]);
        Assert.Null(web["cache-from"]);
        Assert.Equal(["The engine's classic image store cannot export a layer cache: building without --build-cache Local (BuildKit's cache inside the engine still applies)"], plan.Notes);

        var refused = Assert.Throws<TargetFailedException>(() => BakePlan.For(Request with { ClassicStore = true }));
        Assert.Contains("--allow-engine-restart", refused.Message);
    }

    [Fact]
    public void The_registry_cache_uses_the_given_prefix_and_the_sbom_attestation_is_asked_for()
    {
        var plan = BakePlan.For(Request with { Cache = LayerCache.Registry, CacheLocation = "ghcr.io/acme/cache", BuildxSbom = true });
        var api = Target(plan, "api");
        Assert.Equal(["type=registry,ref=ghcr.io/acme/cache/api:buildcache,mode=max"], api["cache-to"]!.AsArray().Select(c => (string)c!));
        Assert.Equal(["type=provenance,mode=max", "type=sbom"], api["attest"]!.AsArray().Select(a => (string)a!));
    }

    [Fact]
    public void A_stack_with_nothing_to_build_is_an_error_naming_it() =>
        Assert.Equal("No service of the stack 'shop' has a build section: there is nothing to build.",
            Assert.Throws<TargetFailedException>(() => BakePlan.For(Request with { Stack = Stack with { Services = [Service("db", false)] } })).Message);

    [Fact]
    public void The_command_line_loads_the_services_with_the_metadata_file_and_an_external_builder()
    {
        var plan = BakePlan.For(Request with { Builder = "cloud" });
        Assert.Equal(["buildx", "bake", "-f", "c.yaml", "-f", "o.json", "--metadata-file", "m.json", "--load", "--progress", "plain", "--builder", "cloud", "web", "api"],
            plan.Arguments(plan.Waves.Single(), "c.yaml", "o.json", "m.json", tty: false));
    }

    private static ServiceDefinition Prebuilt(string name) => Service(name, true) with
    {
        Extensions = new Dictionary<string, JsonNode?> { [Prebuild.Extension] = JsonValue.Create("sh ../scripts/publish.sh") },
    };

    private static readonly StackDefinition Mixed = Stack with { Services = [Prebuilt("api"), Service("db", false), Service("cache", true), Prebuilt("web"), Service("proxy", true)] };

    [Fact]
    public void With_cores_to_spare_images_without_a_prebuild_bake_in_a_first_wave_and_the_prebuilt_ones_after_the_prebuilds()
    {
        var plan = BakePlan.For(Request with { Stack = Mixed, Processors = BakePlan.SideBySideProcessors });
        Assert.Equal([new BakeWave(["cache", "proxy"], false), new BakeWave(["api", "web"], true)], plan.Waves, new WaveComparer());
        Assert.Equal(["api", "cache", "web", "proxy"], plan.Services);
        Assert.Equal(["cache", "proxy"], plan.Arguments(plan.Waves[0], "c.yaml", "o.json", "m.json", tty: false).TakeLast(2));
        Assert.Equal(["api", "web"], plan.Arguments(plan.Waves[1], "c.yaml", "o.json", "m2.json", tty: false).TakeLast(2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void On_fewer_cores_the_prebuilds_run_first_and_one_bake_follows(int processors)
    {
        var wave = Assert.Single(BakePlan.For(Request with { Stack = Mixed, Processors = processors }).Waves);
        Assert.Equal(["api", "cache", "web", "proxy"], wave.Services);
        Assert.True(wave.AfterPrebuilds);
    }

    [Theory]
    [InlineData(true, true, 2)]
    [InlineData(false, false, 2)]
    [InlineData(true, true, 8)]
    [InlineData(false, false, 8)]
    public void A_stack_whose_images_all_need_a_prebuild_or_none_does_bakes_once(bool prebuilt, bool afterPrebuilds, int processors)
    {
        ServiceDefinition Make(string name) => prebuilt ? Prebuilt(name) : Service(name, true);
        var plan = BakePlan.For(Request with { Stack = Stack with { Services = [Make("api"), Make("web")] }, Processors = processors });
        var wave = Assert.Single(plan.Waves);
        Assert.Equal(["api", "web"], wave.Services);
        Assert.Equal(afterPrebuilds, wave.AfterPrebuilds);
    }

    private sealed class WaveComparer : IEqualityComparer<BakeWave>
    {
        public bool Equals(BakeWave? x, BakeWave? y) => x!.AfterPrebuilds == y!.AfterPrebuilds && x.Services.SequenceEqual(y.Services);
        public int GetHashCode(BakeWave wave) => wave.AfterPrebuilds.GetHashCode();
    }
}
