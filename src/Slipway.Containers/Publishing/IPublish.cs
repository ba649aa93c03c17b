using Docker.DotNet;
using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Build.Workflows.Rehearsal;
using Slipway.Containers.Building;
using Slipway.Containers.Engine;
using Slipway.Containers.Images;
using Slipway.Containers.Publishing.Merging;
using Slipway.Containers.Publishing.Registry;
using Slipway.Containers.Rehearsal;
using Slipway.Containers.Publishing.Release;
using Slipway.Containers.Publishing.Versioning;
using Slipway.Containers.Scanning;
using Slipway.Containers.Smoke;

namespace Slipway.Containers.Publishing;

/// <summary>
/// Promotes the scanned, smoke-tested digests to a registry under semver tags and cuts the GitHub release. On one machine
/// it pushes the local multi-platform images of images.json; in a workflow's merge job, given each platform's
/// artifacts/platforms/{slug}/pushed.json, it composes each service's index from the manifests PushByDigest pushed.
/// </summary>
[WorkflowJob("publish", Platforms = JobPlatforms.All, PlatformParameter = nameof(Platform), UsesDocker = true)]
[WorkflowPermission("packages", "write")]
[WorkflowPermission("contents", "write")]
public interface IPublish : IPushByDigest
{
    [Parameter("The version to publish, e.g. 1.2.3 (default: from the git tag, branch or pull request)")]
    string? Version => TryGetValue(() => Version);

    [Parameter("Token for creating the GitHub release (only releases from a version tag are created)")]
    [Secret]
    string? GitHubToken => TryGetValue(() => GitHubToken);

    [Parameter("owner/name of the GitHub repository (default: GITHUB_REPOSITORY, else the origin remote)")]
    string? GitHubRepository => TryGetValue(() => GitHubRepository);

    [Parameter("GitHub's API address, e.g. https://ghe.example.com/api/v3 (default: https://api.github.com/)")]
    string? GitHubApiUrl => TryGetValue(() => GitHubApiUrl);

    /// <summary>A rehearsal publishes to --registry or a throw-away registry, and never cuts a GitHub release: the token is withheld.</summary>
    Task<IRehearsalStandIn> IRehearseWorkflow.StartRehearsalStandInAsync(RehearsalPlan plan, CancellationToken cancellationToken) =>
        RehearsalStandIns.WithRegistryAsync(this, plan, [nameof(GitHubToken)], cancellationToken);

    Target Publish => _ => _
        .Description("Pushes the tested image digests to the registry with version tags and creates the GitHub release")
        .DependsOn<ISmokeTest>(x => x.SmokeTest)
        .DependsOn<IScanImages>(x => x.ScanImages)
        .Consumes<IBuildImages>(x => x.BuildImages)
        .Consumes<IScanImages>(x => x.ScanImages)
        .Consumes<IPushByDigest>(x => x.PushByDigest)
        .Validates(() => PublishInputs.ValidateRegistry(this))
        .Validates(() => PublishInputs.ValidateVersion(this))
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

        await using var local = Registry is null ? await LocalRegistry.StartAsync(cancellationToken: cancellationToken) : null;
        var address = RegistryAddress.Parse(Registry ?? $"{local!.Host}/slipway");
        if (local is not null)
            Log.Warning("No --registry given: publishing to a throw-away registry at {Address} (a dry run; it is removed afterwards)", address);
        var count = merge?.Images.Count ?? report!.Images.Count;
        Log.Information("Publishing {Count} images to {Address} as {Tags}{Merge}", count, address, string.Join(", ", tags.Tags),
            merge is null ? "" : $", merging {string.Join(", ", Platforms)} from {source}");

        IReadOnlyList<PublishedImage> published;
        using (var registry = new RegistryClient(address, local is null ? credentials : null))
        {
            var promoter = new ImagePromoter(address, registry, Log);
            if (merge is not null)
                published = await promoter.PromoteAsync(merge, source, tags, cancellationToken);
            else
            {
                using var docker = DockerEngine.ConnectForTransfers();
                published = await promoter.PromoteAsync(report!, source, tags, new EnginePusher(docker, Log), local is null ? credentials : null, cancellationToken);
            }
        }
        foreach (var image in published)
            Log.Information("{Service}: {Reference} ({Platforms}) tagged {Tags}", image.Service, image.PinnedReference, string.Join(", ", image.Platforms), string.Join(", ", image.Tags));
        Host.AppendStepSummary(ImagesSummary(published));

        var release = await ReleaseAsync(tags, published, local is not null, cancellationToken);
        ReportSummary($"{published.Count} images → {(local is null ? address.ToString() : "local dry run")}: {string.Join(", ", tags.Tags)}{release}");
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
                             new Build.Processes.ProcessOptions { Quiet = true, ThrowOnError = false }, cancellationToken)).StandardOutput)
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
