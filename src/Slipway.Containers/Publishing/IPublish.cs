using Docker.DotNet;
using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Containers.Building;
using Slipway.Containers.Engine;
using Slipway.Containers.Images;
using Slipway.Build.Processes;
using Slipway.Containers.Publishing.Attestations;
using Slipway.Containers.Publishing.Merging;
using Slipway.Containers.Publishing.Registry;
using Slipway.Containers.Publishing.Release;
using Slipway.Containers.Publishing.Signing;
using Slipway.Containers.Publishing.Verification;
using Slipway.Containers.Publishing.Versioning;
using Slipway.Containers.Scanning;
using Slipway.Containers.Smoke;

namespace Slipway.Containers.Publishing;

/// <summary>
/// Promotes the scanned, smoke-tested digests to a registry under semver tags, signs and attests them, and cuts the
/// GitHub release. On one machine it pushes the local multi-platform images of images.json; in a workflow's merge job,
/// given each platform's artifacts/platforms/{slug}/pushed.json, it composes each service's index from the manifests
/// PushByDigest pushed. Only the job that signs keyless is given an OIDC token.
/// </summary>
[WorkflowJob("publish", Platforms = JobPlatforms.All, PlatformParameter = nameof(Platform))]
[WorkflowPermission("packages", "write")]
[WorkflowPermission("contents", "write")]
[WorkflowPermission("id-token", "write", When = "Signing=Keyless")]
public interface IPublish : IVerifyImages
{
    [Parameter("Token for creating the GitHub release (only releases from a version tag are created)")]
    [Secret]
    string? GitHubToken => TryGetValue(() => GitHubToken);

    [Parameter("owner/name of the GitHub repository (default: GITHUB_REPOSITORY, else the origin remote)")]
    string? GitHubRepository => TryGetValue(() => GitHubRepository);

    [Parameter("GitHub's API address, e.g. https://ghe.example.com/api/v3 (default: https://api.github.com/)")]
    string? GitHubApiUrl => TryGetValue(() => GitHubApiUrl);

    Target Publish => _ => _
        .Description("Pushes the tested image digests to the registry with version tags and creates the GitHub release")
        .DependsOn<ISmokeTest>(x => x.SmokeTest)
        .DependsOn<IScanImages>(x => x.ScanImages)
        .Consumes<IBuildImages>(x => x.BuildImages)
        .Consumes<IScanImages>(x => x.ScanImages)
        .Consumes<IPushByDigest>(x => x.PushByDigest)
        .Validates(() => PublishInputs.ValidateRegistry(this))
        .Validates(() => PublishInputs.ValidateVersion(this))
        .Validates(() => PublishInputs.ValidateSigning(this))
        .Before<IVerifyImages>(x => x.VerifyImages)
        .Executes(async ct =>
        {
            try
            {
                await PublishAsync(ct);
            }
            catch (Exception e) when (e is InvalidVersionException or RegistryException or InvalidDataException or FileNotFoundException)
            {
                throw new TargetFailedException(e.Message);
            }
            catch (SigningException e)
            {
                // Only the first fixed tag (sha-…) may be in place: no other tag was moved onto an unsigned release.
                throw new TargetFailedException($"Signing failed, so no tag but sha-… was set: {e.Message}");
            }
        });

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        // Everything that can be wrong with the inputs fails here, before anything is pushed.
        var pushReports = PlatformPushReports();
        MergePlan? merge = null;
        BuildReport? report = null;
        string source;
        if (pushReports.Count > 0)
        {
            source = string.Join(", ", pushReports.Select(r => r.File));
            if (Registry is null)
                throw new TargetFailedException($"{source}: the platforms pushed to {pushReports[0].Report.Registry}; give --registry {pushReports[0].Report.Registry} to merge them there.");
            merge = PlatformMerge.Plan(pushReports, Platforms, RegistryAddress.Parse(Registry));
        }
        else
        {
            report = BuildReport.Load(BuildReportFile);
            source = BuildReportFile.RelativeTo(RootDirectory).ToString();
        }
        var revision = merge?.Revision ?? report!.Revision;
        var version = merge?.Version ?? report!.Version;
        var gitRef = await new GitRefReader(Processes, RootDirectory, Context.Environment).ReadAsync(cancellationToken);
        var tags = TagRules.For(gitRef with { Sha = revision }, Version);
        if (!revision.Equals(gitRef.Sha, StringComparison.OrdinalIgnoreCase))
            throw new TargetFailedException($"{source}: 'revision' is {revision}, but HEAD is {gitRef.Sha}: the images were built from another commit; run BuildImages again.");
        if (version.EndsWith("-dirty", StringComparison.Ordinal))
            Log.Warning("{File}: the images were built from a working tree with uncommitted changes ({Version})", source, version);
        var credentials = RegistryLogin;
        var signing = SigningOptions.ForPublish(SigningOptions.Mode(Signing, CosignKey), CosignKey, CertificateIdentity, CertificateOidcIssuer,
            RootDirectory, dryRun: Registry is null, Context.Environment);
        var manifests = merge?.Images.SelectMany(i => i.Manifests.Select(m => (i.Service, m.Platform, m.Digest)))
                        ?? report!.Images.SelectMany(i => i.Manifests.Select(m => (i.Service, m.Platform, m.Digest)));
        var evidence = signing.Mode == SigningMode.None
            ? []
            : ScanEvidence.Collect(ScanEvidence.ScanFolders(ArtifactsDirectory, PlatformArtifacts.Folder), manifests.ToList(), RootDirectory, ScanInvocation.From(Context.Environment));
        if (signing.Mode != SigningMode.None) await RestoreToolsAsync([SigningSession.Tool], "to sign the published images", cancellationToken);

        await using var local = Registry is null ? await LocalRegistry.StartAsync(cancellationToken: cancellationToken) : null;
        var address = RegistryAddress.Parse(Registry ?? $"{local!.Host}/slipway");
        var login = local is null ? credentials : null;
        if (local is not null)
            Log.Warning("No --registry given: publishing to a throw-away registry at {Address} (a dry run; it is removed afterwards)", address);
        var count = merge?.Images.Count ?? report!.Images.Count;
        Log.Information("Publishing {Count} images to {Address} as {Tags}{Merge}{Signing}", count, address, string.Join(", ", tags.Tags),
            merge is null ? "" : $", merging {string.Join(", ", Platforms)} from {source}",
            signing.Mode switch { SigningMode.None => ", unsigned", SigningMode.Keyless => ", signed keyless", _ => signing.GeneratesKey ? ", signed with a throw-away key" : ", signed with the key" });

        using var session = signing.Mode == SigningMode.None
            ? null
            : await SigningSession.ForPublishAsync(signing, Processes, Context.Masker, address, login, CosignPassword, cancellationToken);
        Func<IReadOnlyList<PlacedImage>, CancellationToken, Task>? sign = session is null
            ? null
            : (placed, ct) => new ImageSigner(session.Cosign, session.Signer!, session.Trusted, TemporaryDirectory / "attestations", Log).SignAsync(placed, evidence, ct);

        IReadOnlyList<PublishedImage> published;
        VerificationResult? verified = null;
        using (var registry = new RegistryClient(address, login))
        {
            var promoter = new ImagePromoter(address, registry, Log);
            if (merge is not null)
                published = await promoter.PromoteAsync(merge, source, tags, sign, cancellationToken);
            else
            {
                using var docker = DockerEngine.ConnectForTransfers();
                published = await promoter.PromoteAsync(report!, source, tags, new EnginePusher(docker, Log), login, sign, cancellationToken);
            }
            // The throw-away registry goes away with this target: a dry run that signed is verified here, as VerifyImages would.
            if (local is not null && session is not null)
                verified = await new ImageVerifier(session.Cosign, session.Trusted, registry, address, Log)
                    .VerifyAsync(published.Select(i => new ServiceTags(i.Service, i.Tags)).ToList(), cancellationToken);
        }
        foreach (var image in published)
            Log.Information("{Service}: {Reference} ({Platforms}) tagged {Tags}", image.Service, image.PinnedReference, string.Join(", ", image.Platforms), string.Join(", ", image.Tags));
        Host.AppendStepSummary(ImagesSummary(published));
        Context.State<PublishedRelease>().Record(address.ToString(), published, dryRun: local is not null, verifiedByPublish: verified is not null);
        if (verified is not null)
        {
            VerificationReport.Write(verified, VerificationReportFile);
            if (!verified.Passed)
                throw new TargetFailedException($"The dry run's signatures do not verify; see {VerificationReportFile.RelativeTo(RootDirectory)}. {verified.Problems[0]}");
            Log.Information("Dry run verified: every tag names a signed index with SBOM and scan attestations ({File})", VerificationReportFile.RelativeTo(RootDirectory));
        }

        var release = await ReleaseAsync(tags, published, local is not null, cancellationToken);
        var signed = session is null ? "" : $", signed by {session.Trusted.Describe()}";
        ReportSummary($"{published.Count} images → {(local is null ? address.ToString() : "local dry run")}: {string.Join(", ", tags.Tags)}{signed}{release}");
    }

    /// <summary>The push reports of a workflow's platform jobs, as its merge job downloads them: artifacts/platforms/{slug}/pushed.json.</summary>
    private IReadOnlyList<(string File, PushReport Report)> PlatformPushReports()
    {
        var folder = ArtifactsDirectory / PlatformArtifacts.Folder;
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal)
            .Select(d => AbsolutePath.Create(d) / PushReportFile.Name)
            .Where(f => File.Exists(f))
            .Select(f => (f.RelativeTo(RootDirectory).ToString(), PushReport.Load(f, f.RelativeTo(RootDirectory).ToString())))
            .ToList();
    }

    /// <summary>Creates the GitHub release when a token is given and the version came from a tag; returns a note for the summary.</summary>
    private async Task<string> ReleaseAsync(ReleaseTags tags, IReadOnlyList<PublishedImage> published, bool dryRun, CancellationToken cancellationToken)
    {
        if (GitHubToken is not { Length: > 0 } token) return "";
        if (tags.GitTag is null)
        {
            Log.Information("No GitHub release: the version does not come from a version tag");
            return "";
        }
        if (dryRun)
        {
            Log.Warning("No GitHub release on a dry run: its image references would point at the throw-away registry");
            return "";
        }

        var repository = Release.GitHubRepository.TryParse(GitHubRepository)
                         ?? Release.GitHubRepository.TryParse((await Processes.RunAsync("git", ["remote", "get-url", "origin"],
                             new ProcessOptions { Quiet = true, ThrowOnError = false }, cancellationToken)).StandardOutput)
                         ?? throw new TargetFailedException("The GitHub repository is unknown: give --github-repository owner/name (or set GITHUB_REPOSITORY).");
        var history = new GitHistory(Processes, RootDirectory);
        var previous = await history.PreviousTagAsync(tags.GitTag, cancellationToken);
        var subjects = await history.SubjectsAsync(previous, tags.GitTag, cancellationToken);
        var scanSummary = await ScanSummaryAsync(cancellationToken);
        var body = ReleaseNotes.Write(tags.GitTag, previous, subjects, published, scanSummary);
        var assets = ReleaseAssets.Collect(ArtifactsDirectory, TemporaryDirectory / "release");

        var api = new Uri(GitHubApiUrl is { Length: > 0 } url ? url : "https://api.github.com/");
        var releaser = new GitHubReleaser(GitHubReleaser.CreateClient(token, api), repository, Log);
        Octokit.Release release;
        try
        {
            release = await releaser.PublishAsync(
                new ReleaseRequest(tags.GitTag, tags.GitTag, body, tags.IsPrerelease, tags.FloatingTags.Any(t => t.Name == "latest"), assets), cancellationToken);
        }
        catch (Exception e) when (e is Octokit.ApiException or HttpRequestException)
        {
            // The images are published by now; only the release is missing, and running Publish again completes it.
            throw new TargetFailedException($"The images are published, but the GitHub release {tags.GitTag} in {repository} at {api} failed: {e.Message}. Run Publish again to complete it.");
        }
        Log.Information("GitHub release {Tag}: {Url} ({Assets} assets)", tags.GitTag, release.HtmlUrl, assets.Count);
        return $"; release {tags.GitTag}";
    }

    /// <summary>artifacts/scan/summary.md; in a merge job, each platform's, one after the other.</summary>
    private async Task<string?> ScanSummaryAsync(CancellationToken cancellationToken)
    {
        var local = ArtifactsDirectory / "scan" / "summary.md";
        if (File.Exists(local)) return await File.ReadAllTextAsync(local, cancellationToken);
        var summaries = new List<string>();
        foreach (var platform in Platforms)
        {
            var file = PlatformArtifacts.Directory(ArtifactsDirectory, platform) / "scan" / "summary.md";
            if (File.Exists(file)) summaries.Add($"#### {platform}\n\n{(await File.ReadAllTextAsync(file, cancellationToken)).Trim()}\n");
        }
        return summaries.Count == 0 ? null : string.Join("\n", summaries);
    }

    private static string ImagesSummary(IReadOnlyList<PublishedImage> published) =>
        "### Published images\n\n| service | reference | tags |\n| --- | --- | --- |\n" +
        string.Concat(published.Select(i => $"| {i.Service} | `{i.PinnedReference}` | {string.Join(", ", i.Tags)} |\n"));
}
