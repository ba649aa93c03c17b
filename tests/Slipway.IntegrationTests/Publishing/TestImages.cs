using Serilog.Core;
using Slipway.Build.Logging;
using Slipway.Build.Processes;
using Slipway.Build;
using Slipway.Containers.Building;
using Slipway.Containers.Images;
using Slipway.Tests.Shared;

namespace Slipway.IntegrationTests.Publishing;

/// <summary>
/// Tiny multi-platform images (FROM scratch plus one file) built with buildx into the local engine with provenance (mode=max), and the
/// images.json that BuildImages would write for them, with the manifests read the way BuildImages reads them.
/// Removes its images on dispose.
/// </summary>
public sealed class TestImages : IAsyncDisposable
{
    public static readonly string[] Platforms = ["linux/amd64", "linux/arm64"];

    private readonly List<string> _references = [];
    private readonly string _directory = Directory.CreateTempSubdirectory("slipway-publish-images-").FullName;

    public ProcessRunner Processes { get; } = new(Logger.None, new SecretMasker(), AbsolutePath.Create(Directory.GetCurrentDirectory()));

    public string Id { get; } = Guid.NewGuid().ToString("N")[..8];

    /// <summary>Builds an image for both platforms whose content is <paramref name="payload"/>, loaded as slipway-test/ID-SERVICE:dev.</summary>
    public Task<BuiltImage> BuildAsync(string service, string payload) => BuildAsync(service, payload, Platforms, "dev");

    /// <summary>
    /// Builds the image for <paramref name="platforms"/> only, loaded as slipway-test/ID-SERVICE:<paramref name="tag"/>,
    /// as one platform's machine of a workflow would.
    /// </summary>
    public async Task<BuiltImage> BuildAsync(string service, string payload, string[] platforms, string tag)
    {
        var context = Path.Combine(_directory, service + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(context);
        await File.WriteAllTextAsync(Path.Combine(context, "payload.txt"), payload);
        await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), "FROM scratch\nARG TARGETARCH\nCOPY payload.txt /payload-$TARGETARCH.txt\n");
        var repository = $"slipway-test/{Id}-{service}";
        var reference = $"{repository}:{tag}";
        _references.Add(reference);
        await Processes.RunAsync("docker", ["buildx", "build", "--provenance", "mode=max", "--platform", string.Join(',', platforms), "--load", "-t", reference, context], new ProcessOptions { Quiet = true });
        var digest = (await Processes.RunAsync("docker", ["image", "inspect", "--format", "{{.Id}}", reference], new ProcessOptions { Quiet = true })).StandardOutput.Trim();
        using var reader = new ImageIndexReader(ContainerdSocket.Require(ProcessEnvironment.Current));
        var manifests = await reader.ManifestsAsync(digest, CancellationToken.None);
        Assert.Equal(platforms.Order(), manifests.Select(m => m.Platform).Order());
        // As BuildImages builds: buildx's provenance of every platform is in the engine beside it.
        Assert.All(manifests, m => Assert.NotNull(m.Attestation));
        return new BuiltImage { Service = service, Reference = reference, Repository = repository, Tag = tag, Digest = digest, Manifests = manifests };
    }

    public static ImagesReport Report(string revision, params BuiltImage[] images) => new()
    {
        Version = "sha-" + revision[..7],
        Revision = revision,
        Created = DateTimeOffset.UnixEpoch,
        Platforms = images.SelectMany(i => i.Manifests.Select(m => m.Platform)).Distinct().Order().ToList(),
        Images = images,
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var reference in _references)
            await Processes.RunAsync("docker", ["image", "rm", "--force", reference], new ProcessOptions { Quiet = true, ThrowOnError = false });
        Directory.Delete(_directory, recursive: true);
    }
}
