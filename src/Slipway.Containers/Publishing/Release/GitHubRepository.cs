using System.Text.RegularExpressions;
using Slipway.Containers.Git;

namespace Slipway.Containers.Publishing.Release;

/// <summary>owner/name of a GitHub repository, from GITHUB_REPOSITORY or a remote URL.</summary>
public sealed partial record GitHubRepository(string Owner, string Name)
{
    public override string ToString() => $"{Owner}/{Name}";

    [GeneratedRegex(@"^(?<owner>[A-Za-z0-9_.-]+)/(?<name>[A-Za-z0-9_.-]+?)(\.git)?/?$")]
    private static partial Regex OwnerAndName();

    /// <summary>Parses <c>owner/name</c>, <c>https://host/owner/name(.git)</c> or <c>git@host:owner/name(.git)</c>; null if it is none of those.</summary>
    public static GitHubRepository? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var path = GitRemote.Parse(text)?.Path ?? text.Trim();
        var match = OwnerAndName().Match(path);
        return match.Success ? new GitHubRepository(match.Groups["owner"].Value, match.Groups["name"].Value) : null;
    }
}
