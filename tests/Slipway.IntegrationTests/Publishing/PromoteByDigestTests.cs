using Docker.DotNet;
using Serilog.Core;
using Slipway.Containers.Images;
using Slipway.Containers.Publishing.Registry;
using Slipway.Containers.Publishing.Versioning;

namespace Slipway.IntegrationTests.Publishing;

/// <summary>Promotion of built images to a real registry with a login, checked from outside with skopeo.</summary>
public sealed class PromoteByDigestTests : IAsyncLifetime
{
    private const string Revision = "0123456789abcdef0123456789abcdef01234567";

    private readonly TestImages _images = new();
    private AuthenticatedRegistry _registry = null!;
    private readonly DockerClient _docker = new DockerClientBuilder().Build();

    public async Task InitializeAsync() => _registry = await AuthenticatedRegistry.StartAsync(_images.Processes);

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        await _images.DisposeAsync();
        _docker.Dispose();
    }

    private static ReleaseTags TagsFor(string tag, params string[] history) => TagsAt(Revision, tag, history);

    private static ReleaseTags TagsAt(string revision, string tag, params string[] history) =>
        TagRules.For(new GitRef { Kind = RefKind.Tag, Name = tag, Sha = revision, VersionTags = [tag, .. history] });

    private async Task<IReadOnlyList<PublishedImage>> PromoteAsync(ImagesReport report, ReleaseTags tags, string ns, Action<Docker.DotNet.Models.JSONMessage>? observe = null)
    {
        var address = _registry.Address(ns);
        using var client = new RegistryClient(address, _registry.Credentials);
        var promoter = new ImagePromoter(address, client, Logger.None);
        return await promoter.PromoteAsync(report, "artifacts/images.json", tags, new EnginePusher(_docker, Logger.None, observe), _registry.Credentials, null, CancellationToken.None);
    }

    [Fact]
    public async Task Every_tag_of_every_service_names_the_recorded_index_with_all_platforms()
    {
        var api = await _images.BuildAsync("api", "api " + Guid.NewGuid());
        var worker = await _images.BuildAsync("worker", "worker " + Guid.NewGuid());
        var tags = TagsFor("v1.2.3", "v1.2.2", "v1.1.0");

        var published = await PromoteAsync(TestImages.Report(Revision, api, worker), tags, "acme");

        Assert.Equal(["api", "worker"], published.Select(p => p.Service));
        foreach (var (image, built) in published.Zip([api, worker]))
        {
            Assert.Equal($"{_registry.Registry.Host}/acme/{built.Service}", image.Image);
            Assert.Equal(["1", "1.2", "1.2.3", "latest", "sha-0123456"], await _registry.TagsAsync(image.Image));
            foreach (var tag in new[] { "1.2.3", "1.2", "1", "latest", "sha-0123456" })
            {
                Assert.Equal(built.Digest, await _registry.DigestAsync(image.Image, tag));
                Assert.Equal(TestImages.Platforms, await _registry.PlatformsAsync(image.Image, tag));
            }
        }
    }

    [Fact]
    public async Task Publishing_the_same_version_again_pushes_nothing_and_changes_nothing()
    {
        var api = await _images.BuildAsync("api", "api " + Guid.NewGuid());
        var report = TestImages.Report(Revision, api);
        var tags = TagsFor("v2.0.0");
        await PromoteAsync(report, tags, "idem");
        var image = $"{_registry.Registry.Host}/idem/api";
        var before = await _registry.TagsAsync(image);

        var pushMessages = 0;
        var again = await PromoteAsync(report, tags, "idem", _ => pushMessages++);

        Assert.Equal(0, pushMessages);
        Assert.Equal(before, await _registry.TagsAsync(image));
        Assert.Equal(api.Digest, again.Single().Digest);
        foreach (var tag in before) Assert.Equal(api.Digest, await _registry.DigestAsync(image, tag));
    }

    [Fact]
    public async Task A_registry_that_dies_during_the_push_is_a_clear_error_and_no_floating_tag_moves()
    {
        var first = await _images.BuildAsync("api", "first " + Guid.NewGuid());
        await PromoteAsync(TestImages.Report(Revision, first), TagsFor("v1.0.0"), "crash");
        var second = await _images.BuildAsync("api", "second " + Guid.NewGuid());
        var image = $"{_registry.Registry.Host}/crash/api";
        const string SecondRevision = "f123456789abcdeff123456789abcdeff1234567";

        var killed = false;
        var error = await Assert.ThrowsAsync<RegistryException>(() =>
            PromoteAsync(TestImages.Report(SecondRevision, second), TagsAt(SecondRevision, "v1.1.0", "v1.0.0"), "crash", _ =>
            {
                if (killed) return;
                killed = true;
                _registry.Registry.StopAsync().GetAwaiter().GetResult();
            }));

        Assert.True(killed, "the push never started");
        Assert.Contains($"Pushing {image}:sha-f123456 failed", error.Message);
        await _registry.Registry.StartAsync();
        Assert.Equal(first.Digest, await _registry.DigestAsync(image, "latest"));
        Assert.Equal(first.Digest, await _registry.DigestAsync(image, "1"));
        Assert.Null(await _registry.DigestAsync(image, "1.1"));
        Assert.Null(await _registry.DigestAsync(image, "1.1.0"));
    }

    [Fact]
    public async Task An_image_rebuilt_after_images_json_was_written_is_refused_before_anything_is_pushed()
    {
        var api = await _images.BuildAsync("api", "api " + Guid.NewGuid());
        var stale = api with { Digest = "sha256:" + new string('a', 64) };

        var error = await Assert.ThrowsAsync<RegistryException>(() => PromoteAsync(TestImages.Report(Revision, stale), TagsFor("v3.0.0"), "stale"));

        Assert.Contains("artifacts/images.json", error.Message);
        Assert.Contains("'api'", error.Message);
        Assert.Contains(api.Digest, error.Message);
        Assert.Empty(await _registry.TagsAsync($"{_registry.Registry.Host}/stale/api"));
    }

    [Fact]
    public async Task A_wrong_password_is_named_as_such()
    {
        var address = _registry.Address("acme");
        using var client = new RegistryClient(address, new RegistryCredentials(AuthenticatedRegistry.Username, "wrong"));

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ResolveAsync("acme/api", "latest", CancellationToken.None));

        Assert.Contains($"rejected the login of '{AuthenticatedRegistry.Username}'", error.Message);
        Assert.DoesNotContain("wrong", error.Message);
    }
}
