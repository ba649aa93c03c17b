using System.Text.Json;
using Docker.DotNet;
using Serilog.Core;
using Slipway.Build.Logging;
using Slipway.Build.Processes;
using Slipway.Containers.Images;
using Slipway.Containers.Publishing.Attestations;
using Slipway.Containers.Publishing.Registry;
using Slipway.Containers.Publishing.Signing;
using Slipway.Containers.Publishing.Verification;
using Slipway.Containers.Publishing.Versioning;
using Slipway.Containers.Scanning.Findings;
using Slipway.Containers.Scanning.Inventory;
using Slipway.Containers.Scanning.Policy;
using Slipway.Containers.Scanning;
using Slipway.IntegrationTests.Support;
using Slipway.Tests.Shared;

namespace Slipway.IntegrationTests.Publishing;

/// <summary>
/// Signing inside the promotion, against a real registry with a login: both platforms of an index get their SBOM and
/// scan result attested (the scanner's own reports), a second publication adds nothing, and a signer that cannot sign
/// stops the promotion before any floating tag moves.
/// </summary>
public sealed class SignAndVerifyTests : IAsyncLifetime
{
    private const string Revision = "fedcba9876543210fedcba9876543210fedcba98";
    private static readonly string[] Floating = ["1", "1.5", "latest"];

    private readonly TestImages _images = new();
    private readonly DockerClient _docker = new DockerClientBuilder().Build();
    private readonly string _work = Directory.CreateTempSubdirectory("slipway-sign-").FullName;
    private readonly string _keyPassword = "kp-" + Guid.NewGuid().ToString("N");
    private AuthenticatedRegistry _registry = null!;

    private string Artifacts => Path.Combine(_work, "artifacts");
    private string PrivateKey => Path.Combine(_work, "cosign.key");

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists("/usr/bin/cosign"), "/usr/bin/cosign is missing: ./build.sh Test installs it (RestoreTestTools).");
        _registry = await AuthenticatedRegistry.StartAsync(_images.Processes);
        await _images.Processes.RunAsync("cosign", ["generate-key-pair"],
            new ProcessOptions { WorkingDirectory = _work, Environment = new Dictionary<string, string?> { ["COSIGN_PASSWORD"] = _keyPassword }, Quiet = true });
    }

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        await _images.DisposeAsync();
        _docker.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private static ReleaseTags Tags() => TagRules.For(new GitRef { Kind = RefKind.Tag, Name = "v1.5.0", Sha = Revision, VersionTags = ["v1.5.0"] });

    /// <summary>ScanImages' scanner writes the SBOMs and findings of the built images into artifacts/scan, as the target does.</summary>
    private async Task<ImagesReport> ScanAsync(params BuiltImage[] images)
    {
        var report = TestImages.Report(Revision, images);
        var advisories = Directory.CreateDirectory(Path.Combine(_work, "advisories")).FullName;
        using var reader = ImageReader.ForEngine(_docker, Logger.None, ProcessEnvironment.Current);
        await new ImageScanner(reader, _images.Processes, Logger.None).ScanAsync(report, new ScanSettings
        {
            AdvisoryDirectory = advisories,
            OsvApi = new Uri($"http://127.0.0.1:{FreePort.Pick()}/"),
            Backend = AdvisoryBackend.Builtin,
            Policy = new PolicySettings(Severity.High, false, IgnoreFile.Empty),
            OutputDirectory = Path.Combine(Artifacts, "scan"),
            WorkDirectory = Path.Combine(_work, "scan-work"),
        }, DateTimeOffset.UtcNow, CancellationToken.None);
        return report;
    }

    private async Task<IReadOnlyList<PublishedImage>> PublishAsync(string ns, ImagesReport report, RegistryCredentials? cosignLogin)
    {
        var address = _registry.Address(ns);
        var signing = new PublishSigning(SigningMode.Key, CosignKey.Resolve(PrivateKey, _work), null);
        var evidence = ScanEvidence.Collect(ScanEvidence.ScanFolders(Artifacts, "platforms"),
            report.Images.SelectMany(i => i.Manifests.Select(m => (i.Service, m.Platform, m.Digest))).ToList(), _work, new ScanInvocation("", "", ""));
        using var session = await SigningSession.ForPublishAsync(signing, _images.Processes, new SecretMasker(), address, cosignLogin, _keyPassword, CancellationToken.None);
        using var client = new RegistryClient(address, _registry.Credentials);
        return await new ImagePromoter(address, client, Logger.None).PromoteAsync(report, "artifacts/images.json", Tags(), new EnginePusher(_docker, Logger.None),
            _registry.Credentials, (placed, ct) => new ImageSigner(session.Cosign, session.Signer!, session.Trusted, Path.Combine(_work, "attest"), Logger.None).SignAsync(placed, evidence, ct),
            CancellationToken.None);
    }

    private async Task<VerificationResult> VerifyAsync(string ns, IReadOnlyList<PublishedImage> published)
    {
        var address = _registry.Address(ns);
        using var session = await SigningSession.ForVerifyAsync(new CosignKey(Path.Combine(_work, "cosign.pub"), CosignKeyKind.Public), null,
            _images.Processes, address, _registry.Credentials, null, CancellationToken.None);
        using var client = new RegistryClient(address, _registry.Credentials);
        return await new ImageVerifier(session.Cosign, session.Trusted, client, address, Logger.None)
            .VerifyAsync(published.Select(p => new ServiceTags(p.Service, p.Tags)).ToList(), CancellationToken.None);
    }

    [Fact]
    public async Task Both_platforms_are_attested_to_the_signed_index_and_publishing_again_adds_nothing()
    {
        var api = await _images.BuildAsync("api", "api " + Guid.NewGuid());
        var report = await ScanAsync(api);

        var published = Assert.Single(await PublishAsync("acme", report, _registry.Credentials));
        var result = await VerifyAsync("acme", [published]);

        Assert.True(result.Passed, string.Join("\n", result.Problems));
        var verdict = Assert.Single(result.Digests);
        Assert.Equal(api.Digest, verdict.Digest);
        Assert.Equal(["1", "1.5", "1.5.0", "latest", "sha-fedcba9"], verdict.Tags.Order());
        Assert.Equal(1, verdict.Signatures);
        Assert.Equal(TestImages.Platforms, verdict.SbomPlatforms.Order());
        Assert.Equal(TestImages.Platforms, verdict.ScanPlatforms.Order());
        // buildx's provenance of each platform is listed by the signed index, so the signature covers it too.
        Assert.Equal(TestImages.Platforms, verdict.BuildxAttested.Order());
        Assert.Equal(api.Manifests.ToDictionary(m => m.Platform, m => m.Digest), verdict.Platforms);

        var signatureTag = $"sha256-{api.Digest[7..]}";
        Assert.Equal(1, await LayersAsync(published.Image, signatureTag + ".sig"));
        Assert.Equal(4, await LayersAsync(published.Image, signatureTag + ".att"));

        await PublishAsync("acme", report, _registry.Credentials);

        Assert.Equal(1, await LayersAsync(published.Image, signatureTag + ".sig"));
        Assert.Equal(4, await LayersAsync(published.Image, signatureTag + ".att"));
        Assert.True((await VerifyAsync("acme", [published])).Passed);
    }

    [Fact]
    public async Task A_signer_that_cannot_sign_stops_publishing_before_any_floating_tag_moves()
    {
        var api = await _images.BuildAsync("api", "unsigned " + Guid.NewGuid());
        var report = await ScanAsync(api);

        // cosign gets no login for the registry, so it cannot store the signature.
        var error = await Assert.ThrowsAsync<SigningException>(() => PublishAsync("nologin", report, null));

        Assert.StartsWith("'cosign sign ", error.Message);
        var image = $"{_registry.Registry.Host}/nologin/api";
        Assert.Equal(api.Digest, await _registry.DigestAsync(image, "sha-fedcba9"));
        foreach (var tag in Floating.Append("1.5.0")) Assert.Null(await _registry.DigestAsync(image, tag));
        Assert.DoesNotContain(await _registry.TagsAsync(image), t => t.EndsWith(".sig", StringComparison.Ordinal));
    }

    private async Task<int> LayersAsync(string image, string tag)
    {
        using var manifest = JsonDocument.Parse(await _registry.RawAsync(image, tag));
        return manifest.RootElement.GetProperty("layers").GetArrayLength();
    }
}
