using System.Text.Json;
using Semver;
using Slipway.Build.Processes;
using Slipway.Build;
using Slipway.Containers.Git;

namespace Slipway.Containers.Publishing.Versioning;

/// <summary>
/// Finds what is being built: under GitHub Actions from GITHUB_REF, GITHUB_SHA and the event payload (the checkout
/// may be a detached merge commit); locally from git (a v* tag at HEAD, else the branch, else the bare commit).
/// </summary>
public sealed class GitRefReader(ProcessRunner processes, AbsolutePath repository, IReadOnlyDictionary<string, string> environment)
{
    private readonly GitCommands _git = new(processes, repository);

    public async Task<GitRef> ReadAsync(CancellationToken cancellationToken)
    {
        var versionTags = GitCommands.Lines(await _git.OutputAsync(cancellationToken, "tag", "--list", "v*", "V*"));
        var gitRef = environment.GetValueOrDefault("GITHUB_ACTIONS") == "true" && environment.GetValueOrDefault("GITHUB_REF") is { Length: > 0 } githubRef
            ? FromGitHubActions(githubRef)
            : await FromGitAsync(cancellationToken);
        return gitRef with { VersionTags = versionTags };
    }

    private GitRef FromGitHubActions(string githubRef)
    {
        var sha = environment.GetValueOrDefault("GITHUB_SHA") ?? throw new InvalidOperationException("GITHUB_REF is set but GITHUB_SHA is not.");
        var defaultBranch = DefaultBranchFromEvent();
        return githubRef.Split('/', 3) switch
        {
            ["refs", "tags", var tag] => new GitRef { Kind = RefKind.Tag, Name = tag, Sha = sha, DefaultBranch = defaultBranch },
            ["refs", "heads", var branch] => new GitRef { Kind = RefKind.Branch, Name = branch, Sha = sha, DefaultBranch = defaultBranch },
            ["refs", "pull", var rest] => new GitRef { Kind = RefKind.PullRequest, Name = rest.Split('/')[0], Sha = sha, DefaultBranch = defaultBranch },
            _ => new GitRef { Kind = RefKind.Commit, Name = sha, Sha = sha, DefaultBranch = defaultBranch },
        };
    }

    /// <summary>The event payload (GITHUB_EVENT_PATH) carries repository.default_branch for every event that has a repository.</summary>
    private string? DefaultBranchFromEvent()
    {
        if (environment.GetValueOrDefault("GITHUB_EVENT_PATH") is not { Length: > 0 } path || !File.Exists(path)) return null;
        using var payload = JsonDocument.Parse(File.ReadAllText(path));
        return payload.RootElement.TryGetProperty("repository", out var repo) && repo.TryGetProperty("default_branch", out var branch)
            ? branch.GetString()
            : null;
    }

    private async Task<GitRef> FromGitAsync(CancellationToken cancellationToken)
    {
        var sha = (await _git.OutputAsync(cancellationToken, "rev-parse", "HEAD")).Trim();
        var defaultBranch = (await _git.OutputOrNullAsync(cancellationToken, "symbolic-ref", "--short", "-q", "refs/remotes/origin/HEAD"))?.Trim() is { Length: > 0 } originHead
            ? originHead[(originHead.IndexOf('/') + 1)..]
            : "main";

        var tagsAtHead = GitCommands.Lines(await _git.OutputAsync(cancellationToken, "tag", "--points-at", "HEAD", "--list", "v*", "V*"))
            .Where(TagRules.IsVersionTag).ToList();
        if (tagsAtHead.Count > 0)
            return new GitRef { Kind = RefKind.Tag, Name = PreferredTag(tagsAtHead), Sha = sha, DefaultBranch = defaultBranch };

        return (await _git.OutputOrNullAsync(cancellationToken, "symbolic-ref", "--short", "-q", "HEAD"))?.Trim() is { Length: > 0 } branch
            ? new GitRef { Kind = RefKind.Branch, Name = branch, Sha = sha, DefaultBranch = defaultBranch }
            : new GitRef { Kind = RefKind.Commit, Name = sha, Sha = sha, DefaultBranch = defaultBranch };
    }

    /// <summary>Of several version tags on one commit the highest valid one wins; an invalid one is chosen only when it is alone, so that it fails.</summary>
    private static string PreferredTag(IReadOnlyList<string> tags) =>
        tags.Select(t => (Tag: t, Version: TagRules.TryParse(t[1..], out var v) ? v : null))
            .OrderByDescending(t => t.Version is not null)
            .ThenByDescending(t => t.Version!, SemVersion.PrecedenceComparer)
            .First().Tag;

}
