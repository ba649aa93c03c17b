using Slipway.Containers.Publishing.Versioning;

namespace Slipway.Containers.Tests.Publishing;

public class TagRulesTests
{
    private const string Sha = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
    private static readonly string[] History = ["v0.9.0", "v1.0.0", "v1.1.0", "v1.2.0", "v1.2.3", "v2.0.0-rc.1", "vbroken", "v1.3"];

    public static TheoryData<string, RefKind, string, string?, string[], string> Cases => new()
    {
        // description, kind, ref name, --version, repository tags, expected tags (fixed first, then floating)
        { "release, highest", RefKind.Tag, "v1.2.3", null, History, "sha-1a2b3c4 1.2.3 1.2 1 latest" },
        { "release, new highest not yet in list", RefKind.Tag, "v1.3.0", null, History, "sha-1a2b3c4 1.3.0 1.3 1 latest" },
        { "older patch after a newer minor", RefKind.Tag, "v1.1.1", null, [.. History, "v1.1.1"], "sha-1a2b3c4 1.1.1 1.1 1" },
        { "older major line", RefKind.Tag, "v0.9.1", null, [.. History, "v0.9.1"], "sha-1a2b3c4 0.9.1 0.9" },
        { "v0.x highest: no bare 0", RefKind.Tag, "v0.3.0", null, ["v0.1.0", "v0.2.5", "v0.3.0"], "sha-1a2b3c4 0.3.0 0.3 latest" },
        { "v0.0.1 first release", RefKind.Tag, "v0.0.1", null, ["v0.0.1"], "sha-1a2b3c4 0.0.1 0.0 latest" },
        { "prerelease: full version only", RefKind.Tag, "v2.0.0-rc.1", null, History, "sha-1a2b3c4 2.0.0-rc.1" },
        { "prerelease above every release", RefKind.Tag, "v9.0.0-alpha", null, History, "sha-1a2b3c4 9.0.0-alpha" },
        { "a prerelease does not block latest", RefKind.Tag, "v1.9.0", null, ["v1.9.0", "v2.0.0-beta.1"], "sha-1a2b3c4 1.9.0 1.9 1 latest" },
        { "build metadata: + sanitized", RefKind.Tag, "v1.2.4+build.7", null, [.. History, "v1.2.4+build.7"], "sha-1a2b3c4 1.2.4-build.7 1.2 1 latest" },
        { "build metadata ignored when comparing", RefKind.Tag, "v1.2.3", null, ["v1.2.3", "v1.2.3+build.9"], "sha-1a2b3c4 1.2.3 1.2 1 latest" },
        { "prerelease with build metadata", RefKind.Tag, "v3.0.0-beta.2+exp.sha.5114f85", null, [], "sha-1a2b3c4 3.0.0-beta.2-exp.sha.5114f85" },
        { "same version released twice (idempotent)", RefKind.Tag, "v1.2.0", null, ["v1.2.0", "v1.2.0"], "sha-1a2b3c4 1.2.0 1.2 1 latest" },
        { "capital V tag", RefKind.Tag, "V2.1.0", null, ["V2.1.0"], "sha-1a2b3c4 2.1.0 2.1 2 latest" },
        { "non-version tag: its name", RefKind.Tag, "Nightly/2024", null, History, "sha-1a2b3c4 nightly-2024" },
        { "default branch: name and edge", RefKind.Branch, "main", null, History, "sha-1a2b3c4 main edge" },
        { "other branch: sanitized name", RefKind.Branch, "Feature/Login_Page#2", null, History, "sha-1a2b3c4 feature-login_page-2" },
        { "branch with leading dash after sanitizing", RefKind.Branch, "-wip", null, [], "sha-1a2b3c4 wip" },
        { "pull request", RefKind.PullRequest, "42", null, History, "sha-1a2b3c4 pr-42" },
        { "detached commit", RefKind.Commit, Sha, null, History, "sha-1a2b3c4" },
        { "--version overrides a branch", RefKind.Branch, "main", "2.5.0", History, "sha-1a2b3c4 2.5.0 2.5 2 latest" },
        { "--version with v, lower than latest", RefKind.Tag, "v1.2.3", "v1.0.1", History, "sha-1a2b3c4 1.0.1 1.0 1" },
        { "--version prerelease", RefKind.Commit, Sha, "4.0.0-preview.3", History, "sha-1a2b3c4 4.0.0-preview.3" },
        { "invalid tags in the history are ignored", RefKind.Tag, "v1.2.3", null, ["v1.2.3", "v99", "v9.9", "v1.02.9"], "sha-1a2b3c4 1.2.3 1.2 1 latest" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tags_follow_metadata_action(string description, RefKind kind, string name, string? version, string[] repositoryTags, string expected)
    {
        var tags = TagRules.For(new GitRef { Kind = kind, Name = name, Sha = Sha, DefaultBranch = "main", VersionTags = repositoryTags }, version);

        Assert.True(expected == string.Join(' ', tags.Tags), $"{description}: expected '{expected}', got '{string.Join(' ', tags.Tags)}'");
    }

    public static TheoryData<string, string?> InvalidCases => new()
    {
        { "v1.2", null },
        { "v1", null },
        { "v1.2.3.4", null },
        { "v1.02.3", null },
        { "v1.2.3-", null },
        { "v1.2.x", null },
        { "v1.2.3", "next" },
        { "v1.2.3", "1.2" },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Invalid_versions_are_clear_errors(string tag, string? version)
    {
        var e = Assert.Throws<InvalidVersionException>(() =>
            TagRules.For(new GitRef { Kind = RefKind.Tag, Name = tag, Sha = Sha, VersionTags = [tag] }, version));

        Assert.Contains(version is null ? $"git tag '{tag}'" : $"--version '{version}'", e.Message);
        Assert.Contains("MAJOR.MINOR.PATCH", e.Message);
    }

    [Fact]
    public void Fixed_tags_come_before_floating_ones()
    {
        var tags = TagRules.For(new GitRef { Kind = RefKind.Tag, Name = "v1.2.3", Sha = Sha, VersionTags = ["v1.2.3"] });

        Assert.Equal(["sha-1a2b3c4", "1.2.3"], tags.FixedTags.Select(t => t.Name));
        Assert.Equal(["1.2", "1", "latest"], tags.FloatingTags.Select(t => t.Name));
        Assert.Equal(tags.FixedTags.Concat(tags.FloatingTags), tags.Tags);
        Assert.Equal("1.2.3", tags.Version);
        Assert.Equal("v1.2.3", tags.GitTag);
        Assert.False(tags.IsPrerelease);
    }

    [Fact]
    public void A_prerelease_is_flagged_and_a_version_override_has_no_git_tag()
    {
        var tags = TagRules.For(new GitRef { Kind = RefKind.Branch, Name = "main", Sha = Sha }, "1.0.0-rc.2");

        Assert.True(tags.IsPrerelease);
        Assert.Null(tags.GitTag);
        Assert.Equal("1.0.0-rc.2", tags.Version);
    }

    [Fact]
    public void A_short_or_non_hex_sha_is_an_error()
    {
        Assert.Throws<InvalidVersionException>(() => TagRules.For(new GitRef { Kind = RefKind.Commit, Name = "x", Sha = "abc" }));
        Assert.Throws<InvalidVersionException>(() => TagRules.For(new GitRef { Kind = RefKind.Commit, Name = "x", Sha = "zzzzzzzzz" }));
    }
}
