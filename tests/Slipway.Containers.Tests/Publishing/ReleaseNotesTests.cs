using Slipway.Containers.Publishing.Registry;
using Slipway.Containers.Publishing.Release;

namespace Slipway.Containers.Tests.Publishing;

public class ReleaseNotesTests
{
    [Fact]
    public void Commits_are_grouped_by_conventional_type_with_breaking_changes_first()
    {
        var groups = ConventionalCommits.Group(["feat(api): add orders", "fix: null check", "Update README", "feat!: drop v1 routes", "ci: cache", "build(deps): bump x", ""]);

        Assert.Equal(["Breaking changes", "Features", "Bug fixes", "Build and CI", "Other changes"], groups.Select(g => g.Heading));
        Assert.Equal(["add orders", "drop v1 routes"], groups[1].Entries.Select(e => e.Description));
        Assert.Equal("api", groups[1].Entries[0].Scope);
        Assert.Equal(["cache", "bump x"], groups[3].Entries.Select(e => e.Description));
        Assert.Equal("Update README", groups[4].Entries.Single().Description);
    }

    [Fact]
    public void Notes_have_changes_pinned_pull_lines_and_the_scan_summary()
    {
        var images = new List<PublishedImage>
        {
            new("api", "ghcr.io/acme/api", "sha256:" + new string('1', 64), ["linux/amd64", "linux/arm64"], ["sha-0123456", "1.2.3", "1.2", "1", "latest"]),
        };

        var notes = ReleaseNotes.Write("v1.2.3", "v1.2.2", ["fix(web): escape titles"], images, "# Scan summary\n\nNo findings at or above High.\n");

        Assert.Contains("## Changes since v1.2.2", notes);
        Assert.Contains("### Bug fixes\n\n- **web:** escape titles\n", notes);
        Assert.Contains($"docker pull ghcr.io/acme/api@sha256:{new string('1', 64)}\n", notes);
        Assert.Contains("| api | `sha-0123456`, `1.2.3`, `1.2`, `1`, `latest` | linux/amd64, linux/arm64 |", notes);
        Assert.Contains("## Scan\n\n### Scan summary\n\nNo findings at or above High.", notes);
    }

    [Fact]
    public void A_first_release_without_scan_summary_says_so()
    {
        var notes = ReleaseNotes.Write("v0.1.0", null, [], [], null);

        Assert.Contains("## Changes in v0.1.0", notes);
        Assert.Contains("No commits.", notes);
        Assert.Contains("No scan summary was found (artifacts/scan/summary.md).", notes);
    }

    [Theory]
    [InlineData("acme/shop", "acme", "shop")]
    [InlineData("https://github.com/acme/shop.git", "acme", "shop")]
    [InlineData("git@github.com:acme/shop.git", "acme", "shop")]
    [InlineData("https://ghe.example.com/acme/my.repo", "acme", "my.repo")]
    public void Repositories_are_read_from_names_and_remote_urls(string text, string owner, string name) =>
        Assert.Equal(new GitHubRepository(owner, name), GitHubRepository.TryParse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/work/main")]
    public void Anything_else_is_no_repository(string? text) => Assert.Null(GitHubRepository.TryParse(text));
}
