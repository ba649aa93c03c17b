using Octokit;
using Serilog;

namespace Slipway.Containers.Publishing.Release;

/// <summary>What the release should be.</summary>
public sealed record ReleaseRequest(string Tag, string Name, string Body, bool Prerelease, bool MakeLatest, IReadOnlyList<ReleaseAsset> Assets);

/// <summary>
/// Creates or updates the GitHub release of a tag with Octokit: a new release is created as a draft, its assets are
/// uploaded, and only then is it published, so no one sees a release without its files. An existing release of
/// the tag (a draft left by a failed run included) is updated and its same-named assets replaced, never duplicated.
/// </summary>
public sealed class GitHubReleaser(IGitHubClient github, GitHubRepository repository, ILogger log)
{
    public static IGitHubClient CreateClient(string token, Uri apiUrl) =>
        new GitHubClient(new ProductHeaderValue("Slipway"), apiUrl) { Credentials = new Credentials(token) };

    public async Task<Octokit.Release> PublishAsync(ReleaseRequest request, CancellationToken cancellationToken)
    {
        var releases = github.Repository.Release;
        // The list includes drafts, which the by-tag endpoint does not return.
        var existing = (await releases.GetAll(repository.Owner, repository.Name)).FirstOrDefault(r => r.TagName == request.Tag);
        var makeLatest = request.MakeLatest ? MakeLatestQualifier.True : MakeLatestQualifier.False;

        Octokit.Release release;
        if (existing is null)
        {
            log.Information("Creating draft release {Tag} in {Repository}", request.Tag, repository);
            release = await releases.Create(repository.Owner, repository.Name, new NewRelease(request.Tag)
            {
                Name = request.Name, Body = request.Body, Prerelease = request.Prerelease, Draft = true,
            });
        }
        else
        {
            log.Information("Updating release {Tag} ({Id}) in {Repository}", request.Tag, existing.Id, repository);
            release = await releases.Edit(repository.Owner, repository.Name, existing.Id, new ReleaseUpdate
            {
                Name = request.Name, Body = request.Body, Prerelease = request.Prerelease,
            });
        }

        var present = await releases.GetAllAssets(repository.Owner, repository.Name, release.Id);
        foreach (var asset in request.Assets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (present.FirstOrDefault(a => a.Name == asset.Name) is { } old)
                await releases.DeleteAsset(repository.Owner, repository.Name, old.Id);
            await using var stream = File.OpenRead(asset.Path);
            log.Information("Uploading {Asset}", asset.Name);
            await releases.UploadAsset(release, new ReleaseAssetUpload(asset.Name, asset.ContentType, stream, TimeSpan.FromMinutes(5)), cancellationToken);
        }

        return await releases.Edit(repository.Owner, repository.Name, release.Id, new ReleaseUpdate { Draft = false, MakeLatest = makeLatest });
    }
}
