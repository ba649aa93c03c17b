using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Build.Processes;
using Slipway.Containers.Engine;
using Slipway.Containers.Images;
using Slipway.Containers.Publishing.Attestations;
using Slipway.Containers.Publishing.Merging;
using Slipway.Containers.Publishing.Registry;
using Slipway.Containers.Publishing.Release;
using Slipway.Containers.Publishing.Signing;
using Slipway.Containers.Publishing.Verification;
using Slipway.Containers.Publishing.Versioning;
using Slipway.Containers.Scanning;

namespace Slipway.Containers.Publishing;

/// <summary>
/// One run of Publish: checks everything before pushing anything, promotes the digests (merging the platforms' pushes in
/// a workflow's merge job), signs and attests them before a floating tag moves, and cuts the GitHub release.
/// </summary>
internal sealed class Publisher(IPublish build)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PublishAsync(cancellationToken);
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
    }

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        // Everything that can be wrong with the inputs fails here, before anything is pushed.
        var pushReports = PlatformPushReports();
        MergePlan? merge = null;
        ImagesReport? report = null;
        string source;
        if (pushReports.Count > 0)
        {
            source = string.Join(", ", pushReports.Select(r => r.File));
            if (build.Registry is null)
                throw new TargetFailedException($"{source}: the platforms pushed to {pushReports[0].Report.Registry}; give --registry {pushReports[0].Report.Registry} to merge them there.");
            merge = PlatformMerge.Plan(pushReports, build.Platforms, RegistryAddress.Parse(build.Registry));
        }
        else
        {
            report = ImagesReport.Load(build.ImagesFile);
            source = build.ImagesFile.RelativeTo(build.RootDirectory).ToString();
        }
        var revision = merge?.Revision ?? report!.Revision;
        var version = merge?.Version ?? report!.Version;
        var gitRef = await new GitRefReader(build.Processes, build.RootDirectory, build.Context.Environment).ReadAsync(cancellationToken);
        var tags = TagRules.For(gitRef with { Sha = revision }, build.Version);
        if (!revision.Equals(gitRef.Sha, StringComparison.OrdinalIgnoreCase))
            throw new TargetFailedException($"{source}: 'revision' is {revision}, but HEAD is {gitRef.Sha}: the images were built from another commit; run BuildImages again.");
        if (version.EndsWith("-dirty", StringComparison.Ordinal))
            build.Log.Warning("{File}: the images were built from a working tree with uncommitted changes ({build.Version})", source, version);
        var credentials = build.RegistryLogin;
        var signing = SigningOptions.ForPublish(SigningOptions.Mode(build.Signing, build.CosignKey), build.CosignKey, build.CertificateIdentity, build.CertificateOidcIssuer,
            build.RootDirectory, dryRun: build.Registry is null, build.Context.Environment);
        var manifests = merge?.Images.SelectMany(i => i.Manifests.Select(m => (i.Service, m.Platform, m.Digest)))
                        ?? report!.Images.SelectMany(i => i.Manifests.Select(m => (i.Service, m.Platform, m.Digest)));
        var evidence = signing.Mode == SigningMode.None
            ? []
            : ScanEvidence.Collect(ScanEvidence.ScanFolders(build.ArtifactsDirectory, PlatformArtifacts.Folder), manifests.ToList(), build.RootDirectory, ScanInvocation.From(build.Context.Environment));
        if (signing.Mode != SigningMode.None) await build.RestoreToolsAsync([SigningSession.Tool], "to sign the published images", cancellationToken);

        await using var local = build.Registry is null ? await LocalRegistry.StartAsync(cancellationToken: cancellationToken) : null;
        var address = RegistryAddress.Parse(build.Registry ?? $"{local!.Host}/slipway");
        var login = local is null ? credentials : null;
        if (local is not null)
            build.Log.Warning("No --registry given: publishing to a throw-away registry at {Address} (a dry run; it is removed afterwards)", address);
        var count = merge?.Images.Count ?? report!.Images.Count;
        build.Log.Information("Publishing {Count} images to {Address} as {Tags}{Merge}{build.Signing}", count, address, string.Join(", ", tags.Tags),
            merge is null ? "" : $", merging {string.Join(", ", build.Platforms)} from {source}",
            signing.Mode switch { SigningMode.None => ", unsigned", SigningMode.Keyless => ", signed keyless", _ => signing.GeneratesKey ? ", signed with a throw-away key" : ", signed with the key" });

        using var session = signing.Mode == SigningMode.None
            ? null
            : await SigningSession.ForPublishAsync(signing, build.Processes, build.Context.Masker, address, login, build.CosignPassword, cancellationToken);
        Func<IReadOnlyList<PlacedImage>, CancellationToken, Task>? sign = session is null
            ? null
            : (placed, ct) => new ImageSigner(session.Cosign, session.Signer!, session.Trusted, build.TemporaryDirectory / "attestations", build.Log).SignAsync(placed, evidence, ct);

        IReadOnlyList<PublishedImage> published;
        VerificationResult? verified = null;
        using (var registry = new RegistryClient(address, login))
        {
            var promoter = new ImagePromoter(address, registry, build.Log);
            if (merge is not null)
                published = await promoter.PromoteAsync(merge, source, tags, sign, cancellationToken);
            else
            {
                using var docker = DockerEngine.ConnectForTransfers();
                published = await promoter.PromoteAsync(report!, source, tags, new EnginePusher(docker, build.Log), login, sign, cancellationToken);
            }
            // The throw-away registry goes away with this target: a dry run that signed is verified here, as VerifyImages would.
            if (local is not null && session is not null)
                verified = await new ImageVerifier(session.Cosign, session.Trusted, registry, address, build.Log)
                    .VerifyAsync(published.Select(i => new ServiceTags(i.Service, i.Tags)).ToList(), cancellationToken);
        }
        foreach (var image in published)
            build.Log.Information("{Service}: {Reference} ({build.Platforms}) tagged {Tags}", image.Service, image.PinnedReference, string.Join(", ", image.Platforms), string.Join(", ", image.Tags));
        build.Host.AppendStepSummary(ImagesSummary(published));
        build.Context.State<PublishedRelease>().Record(address.ToString(), published, dryRun: local is not null, verifiedByPublish: verified is not null);
        if (verified is not null)
        {
            VerificationReport.Write(verified, build.VerificationReportFile);
            if (!verified.Passed)
                throw new TargetFailedException($"The dry run's signatures do not verify; see {build.VerificationReportFile.RelativeTo(build.RootDirectory)}. {verified.Problems[0]}");
            build.Log.Information("Dry run verified: every tag names a signed index with SBOM and scan attestations ({File})", build.VerificationReportFile.RelativeTo(build.RootDirectory));
        }

        var release = await ReleaseAsync(tags, published, local is not null, cancellationToken);
        var signed = session is null ? "" : $", signed by {session.Trusted.Describe()}";
        build.ReportSummary($"{published.Count} images → {(local is null ? address.ToString() : "local dry run")}: {string.Join(", ", tags.Tags)}{signed}{release}");
    }

    /// <summary>The push reports of a workflow's platform jobs, as its merge job downloads them: artifacts/platforms/{slug}/pushed.json.</summary>
    private IReadOnlyList<(string File, PushReport Report)> PlatformPushReports()
    {
        var folder = build.ArtifactsDirectory / PlatformArtifacts.Folder;
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal)
            .Select(d => AbsolutePath.Create(d) / build.PushReportFile.Name)
            .Where(f => File.Exists(f))
            .Select(f => (f.RelativeTo(build.RootDirectory).ToString(), PushReport.Load(f, f.RelativeTo(build.RootDirectory).ToString())))
            .ToList();
    }

    /// <summary>Creates the GitHub release when a token is given and the version came from a tag; returns a note for the summary.</summary>
    private async Task<string> ReleaseAsync(ReleaseTags tags, IReadOnlyList<PublishedImage> published, bool dryRun, CancellationToken cancellationToken)
    {
        if (build.GitHubToken is not { Length: > 0 } token) return "";
        if (tags.GitTag is null)
        {
            build.Log.Information("No GitHub release: the version does not come from a version tag");
            return "";
        }
        if (dryRun)
        {
            build.Log.Warning("No GitHub release on a dry run: its image references would point at the throw-away registry");
            return "";
        }

        var repository = Release.GitHubRepository.TryParse(build.GitHubRepository)
                         ?? Release.GitHubRepository.TryParse((await build.Processes.RunAsync("git", ["remote", "get-url", "origin"],
                             new ProcessOptions { Quiet = true, ThrowOnError = false }, cancellationToken)).StandardOutput)
                         ?? throw new TargetFailedException("The GitHub repository is unknown: give --github-repository owner/name (or set GITHUB_REPOSITORY).");
        var history = new GitHistory(build.Processes, build.RootDirectory);
        var previous = await history.PreviousTagAsync(tags.GitTag, cancellationToken);
        var subjects = await history.SubjectsAsync(previous, tags.GitTag, cancellationToken);
        var scanSummary = await ScanSummaryAsync(cancellationToken);
        var body = ReleaseNotes.Write(tags.GitTag, previous, subjects, published, scanSummary);
        var assets = ReleaseAssets.Collect(build.ArtifactsDirectory, build.TemporaryDirectory / "release");

        var api = new Uri(build.GitHubApiUrl is { Length: > 0 } url ? url : "https://api.github.com/");
        var releaser = new GitHubReleaser(GitHubReleaser.CreateClient(token, api), repository, build.Log);
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
        build.Log.Information("GitHub release {Tag}: {Url} ({Assets} assets)", tags.GitTag, release.HtmlUrl, assets.Count);
        return $"; release {tags.GitTag}";
    }

    /// <summary>artifacts/scan/summary.md; in a merge job, each platform's, one after the other.</summary>
    private async Task<string?> ScanSummaryAsync(CancellationToken cancellationToken)
    {
        var local = build.ArtifactsDirectory / "scan" / "summary.md";
        if (File.Exists(local)) return await File.ReadAllTextAsync(local, cancellationToken);
        var summaries = new List<string>();
        foreach (var platform in build.Platforms)
        {
            var file = PlatformArtifacts.Directory(build.ArtifactsDirectory, platform) / "scan" / "summary.md";
            if (File.Exists(file)) summaries.Add($"#### {platform}\n\n{(await File.ReadAllTextAsync(file, cancellationToken)).Trim()}\n");
        }
        return summaries.Count == 0 ? null : string.Join("\n", summaries);
    }

    private static string ImagesSummary(IReadOnlyList<PublishedImage> published) =>
        "### Published images\n\n| service | reference | tags |\n| --- | --- | --- |\n" +
        string.Concat(published.Select(i => $"| {i.Service} | `{i.PinnedReference}` | {string.Join(", ", i.Tags)} |\n"));
}
