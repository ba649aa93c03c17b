using System.Text.Json;
using Docker.DotNet;
using Serilog.Core;
using Slipway.Containers.Images;
using Slipway.Containers.Publishing.Merging;
using Slipway.Containers.Publishing.Registry;
using Slipway.Containers.Publishing.Versioning;

namespace Slipway.IntegrationTests.Publishing;

/// <summary>
/// The multi-machine release against a real registry with a login: two single-platform images, built apart as two
/// workflow legs would, are pushed by digest (leaving no tag), handed over in push reports, and merged by Publish into
/// one index under every tag, as skopeo sees it from outside.
/// </summary>
public sealed class MergeByDigestTests : IAsyncLifetime
{
    private const string Revision = "89abcdef0123456789abcdef0123456789abcdef";
    private static readonly string[] ExpectedTags = ["1", "1.4", "1.4.0", "latest", "sha-89abcde"];

    private readonly TestImages _images = new();
    private readonly DockerClient _docker = new DockerClientBuilder().Build();
    private readonly string _artifacts = Directory.CreateTempSubdirectory("slipway-merge-").FullName;
    private AuthenticatedRegistry _registry = null!;

    public async Task InitializeAsync() => _registry = await AuthenticatedRegistry.StartAsync(_images.Processes);

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        await _images.DisposeAsync();
        _docker.Dispose();
        Directory.Delete(_artifacts, recursive: true);
    }

    private static ReleaseTags Tags() =>
        TagRules.For(new GitRef { Kind = RefKind.Tag, Name = "v1.4.0", Sha = Revision, VersionTags = ["v1.4.0", "v1.3.2"] });

    /// <summary>One leg: its images pushed by digest, its push report written where the merge job downloads it, and read back.</summary>
    private async Task<(string File, PushReport Report)> PushLegAsync(string ns, string platform, params BuiltImage[] images)
    {
        var address = _registry.Address(ns);
        using var client = new RegistryClient(address, _registry.Credentials);
        var pusher = new DigestPusher(_docker, client, Logger.None);
        var pushed = new List<PushedImage>();
        foreach (var image in images) pushed.Add(await pusher.PushAsync(image, address, CancellationToken.None));
        var build = TestImages.Report(Revision, images);
        var file = Path.Combine(_artifacts, ns, "platforms", platform.Replace('/', '-'), "pushed.json");
        new PushReport { Registry = address.ToString(), Revision = build.Revision, Version = build.Version, Images = pushed }.Save(file);
        return (file, PushReport.Load(file));
    }

    private async Task<(MergePlan Plan, IReadOnlyList<PublishedImage> Published)> MergeAsync(string ns, params (string File, PushReport Report)[] reports)
    {
        var address = _registry.Address(ns);
        var plan = PlatformMerge.Plan(reports, TestImages.Platforms, address);
        using var client = new RegistryClient(address, _registry.Credentials);
        var published = await new ImagePromoter(address, client, Logger.None).PromoteAsync(plan, "push reports", Tags(), null, CancellationToken.None);
        return (plan, published);
    }

    private async Task<BuiltImage> BuildLegAsync(string service, string payload, string platform) =>
        await _images.BuildAsync(service, payload, [platform], platform.Split('/')[1]);

    [Fact]
    public async Task Two_platforms_pushed_by_digest_become_one_index_under_every_tag()
    {
        var payload = "api " + Guid.NewGuid();
        var amd64 = await BuildLegAsync("api", payload, "linux/amd64");
        var arm64 = await BuildLegAsync("api", payload, "linux/arm64");
        var workerAmd64 = await BuildLegAsync("worker", "worker " + Guid.NewGuid(), "linux/amd64");
        var workerArm64 = await BuildLegAsync("worker", "worker " + Guid.NewGuid(), "linux/arm64");

        // The arm64 leg finishes first: the merge orders platforms as requested, not as the reports come.
        var armLeg = await PushLegAsync("acme", "linux/arm64", arm64, workerArm64);
        var amdLeg = await PushLegAsync("acme", "linux/amd64", amd64, workerAmd64);
        var api = $"{_registry.Registry.Host}/acme/api";
        Assert.Empty(await _registry.TagsAsync(api));
        Assert.Empty(await _registry.TagsAsync($"{_registry.Registry.Host}/acme/worker"));
        Assert.Equal(amd64.Manifests.Single().Digest, Assert.Single(Assert.Single(amdLeg.Report.Images, i => i.Service == "api").Manifests).Digest);

        var (plan, published) = await MergeAsync("acme", armLeg, amdLeg);

        Assert.Equal(["api", "worker"], published.Select(p => p.Service));
        foreach (var (image, legs) in published.Zip(new[] { (amd64, arm64), (workerAmd64, workerArm64) }))
        {
            var merged = plan.Images.Single(i => i.Service == image.Service);
            Assert.Equal(merged.Digest, image.Digest);
            Assert.Equal(ExpectedTags, await _registry.TagsAsync(image.Image));
            foreach (var tag in ExpectedTags)
            {
                var raw = await _registry.RawAsync(image.Image, tag);
                using var index = JsonDocument.Parse(raw);
                Assert.Equal("application/vnd.oci.image.index.v1+json", index.RootElement.GetProperty("mediaType").GetString());
                var entries = index.RootElement.GetProperty("manifests").EnumerateArray()
                    .Select(m => (Platform: $"{m.GetProperty("platform").GetProperty("os").GetString()}/{m.GetProperty("platform").GetProperty("architecture").GetString()}",
                        Digest: m.GetProperty("digest").GetString(),
                        Describes: m.TryGetProperty("annotations", out var a) ? a.GetProperty("vnd.docker.reference.digest").GetString() : null))
                    .ToList();
                // The platforms first, then buildx's provenance of each, as buildx itself lists them.
                var (amd, arm) = (legs.Item1.Manifests.Single(), legs.Item2.Manifests.Single());
                Assert.Equal(
                    [("linux/amd64", amd.Digest, null), ("linux/arm64", arm.Digest, null), ("unknown/unknown", amd.Attestation, amd.Digest), ("unknown/unknown", arm.Attestation, arm.Digest)],
                    entries);
                Assert.Equal(merged.Digest, await _registry.DigestAsync(image.Image, tag));
            }

            // The provenance is in the registry with its in-toto layer, as skopeo reads it from outside.
            foreach (var leg in new[] { legs.Item1, legs.Item2 })
            {
                using var attestation = JsonDocument.Parse(await _registry.RawAsync(image.Image, leg.Manifests.Single().Attestation!, byDigest: true));
                var layer = attestation.RootElement.GetProperty("layers").EnumerateArray().Single();
                Assert.Equal("application/vnd.in-toto+json", layer.GetProperty("mediaType").GetString());
                Assert.StartsWith("https://slsa.dev/provenance/", layer.GetProperty("annotations").GetProperty("in-toto.io/predicate-type").GetString());
            }
        }
    }

    [Fact]
    public async Task Pushing_and_merging_again_changes_nothing()
    {
        var payload = "again " + Guid.NewGuid();
        var amd64 = await BuildLegAsync("api", payload, "linux/amd64");
        var arm64 = await BuildLegAsync("api", payload, "linux/arm64");
        var (plan, _) = await MergeAsync("idem", await PushLegAsync("idem", "linux/amd64", amd64), await PushLegAsync("idem", "linux/arm64", arm64));

        var (again, published) = await MergeAsync("idem", await PushLegAsync("idem", "linux/amd64", amd64), await PushLegAsync("idem", "linux/arm64", arm64));

        Assert.Equal(plan.Images.Single().Digest, again.Images.Single().Digest);
        var image = Assert.Single(published).Image;
        Assert.Equal(ExpectedTags, await _registry.TagsAsync(image));
        foreach (var tag in ExpectedTags) Assert.Equal(plan.Images.Single().Digest, await _registry.DigestAsync(image, tag));
    }

    [Fact]
    public async Task A_layer_too_large_to_hold_in_memory_streams_from_the_export_into_the_registry()
    {
        // Random bytes don't compress: the layer stays far above the size under which blobs are read into memory.
        var payload = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(9 * 1024 * 1024));
        var image = await BuildLegAsync("bulk", payload, "linux/amd64");

        var (_, report) = await PushLegAsync("large", "linux/amd64", image);

        var manifest = Assert.Single(Assert.Single(report.Images).Manifests);
        using var client = new RegistryClient(_registry.Address("large"), _registry.Credentials);
        var stored = await client.GetManifestAsync("large/bulk", manifest.Digest, CancellationToken.None);
        Assert.NotNull(stored);
        using var json = JsonDocument.Parse(stored.Content);
        var layers = json.RootElement.GetProperty("layers").EnumerateArray().Select(l => (Digest: l.GetProperty("digest").GetString()!, Size: l.GetProperty("size").GetInt64())).ToList();
        Assert.Contains(layers, l => l.Size > 8 * 1024 * 1024);
        foreach (var (digest, _) in layers) Assert.True(await client.BlobExistsAsync("large/bulk", digest, CancellationToken.None), $"layer {digest} is missing");
        Assert.Empty(await _registry.TagsAsync($"{_registry.Registry.Host}/large/bulk"));
    }

    [Fact]
    public async Task A_push_report_naming_a_manifest_the_registry_lacks_is_refused_before_any_tag()
    {
        var payload = "missing " + Guid.NewGuid();
        var amd64 = await PushLegAsync("gone", "linux/amd64", await BuildLegAsync("api", payload, "linux/amd64"));
        var arm64 = await PushLegAsync("gone", "linux/arm64", await BuildLegAsync("api", payload, "linux/arm64"));
        var lost = "sha256:" + new string('b', 64);
        var forged = arm64 with
        {
            Report = arm64.Report with
            {
                Images = [arm64.Report.Images.Single() with { Manifests = [arm64.Report.Images.Single().Manifests.Single() with { Digest = lost }] }],
            },
        };

        var error = await Assert.ThrowsAsync<RegistryException>(() => MergeAsync("gone", amd64, forged));

        Assert.Contains($"{_registry.Registry.Host}/gone/api@{lost} (linux/arm64)", error.Message);
        Assert.Contains("PushByDigest", error.Message);
        Assert.Empty(await _registry.TagsAsync($"{_registry.Registry.Host}/gone/api"));
    }
}
