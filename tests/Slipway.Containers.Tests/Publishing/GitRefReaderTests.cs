using Serilog.Core;
using Slipway.Build;
using Slipway.Build.Logging;
using Slipway.Build.Processes;
using Slipway.Containers.Publishing.Versioning;

namespace Slipway.Containers.Tests.Publishing;

/// <summary>What is being built, read from real git repositories and from GitHub Actions' variables as a runner sets them.</summary>
public sealed class GitRefReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("slipway-gitref-").FullName;
    private readonly ProcessRunner _processes;

    public GitRefReaderTests() => _processes = new ProcessRunner(Logger.None, new SecretMasker(), AbsolutePath.Create(_directory));

    private string Repository => Path.Combine(_directory, "repo");

    private async Task<string> GitAsync(string directory, params string[] arguments) =>
        (await _processes.RunAsync("git", ["-c", "user.name=Slipway", "-c", "user.email=slipway@example.invalid", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", .. arguments],
            new ProcessOptions { WorkingDirectory = directory, Quiet = true })).StandardOutput.Trim();

    /// <summary>A repository on <paramref name="branch"/> with two commits; returns the second's hash.</summary>
    private async Task<string> InitAsync(string branch = "main")
    {
        Directory.CreateDirectory(Repository);
        await GitAsync(Repository, "init", "--quiet", "--initial-branch", branch);
        await GitAsync(Repository, "commit", "--quiet", "--allow-empty", "-m", "first");
        await GitAsync(Repository, "commit", "--quiet", "--allow-empty", "-m", "second");
        return await GitAsync(Repository, "rev-parse", "HEAD");
    }

    private Task<GitRef> ReadAsync(string repository, Dictionary<string, string>? environment = null) =>
        new GitRefReader(_processes, AbsolutePath.Create(repository), environment ?? []).ReadAsync(CancellationToken.None);

    [Fact]
    public async Task A_version_tag_at_HEAD_is_the_ref_and_of_several_the_highest_valid_one_wins()
    {
        var head = await InitAsync();
        await GitAsync(Repository, "tag", "v1.0.0", "HEAD~1");
        await GitAsync(Repository, "tag", "v1.2.3");
        await GitAsync(Repository, "tag", "-a", "v1.10.0", "-m", "annotated");
        await GitAsync(Repository, "tag", "v1.9.x-not-semver");
        await GitAsync(Repository, "tag", "release-candidate");

        var gitRef = await ReadAsync(Repository);

        Assert.Equal(RefKind.Tag, gitRef.Kind);
        Assert.Equal("v1.10.0", gitRef.Name);
        Assert.Equal(head, gitRef.Sha);
        // Every v* tag of the repository, to decide whether this release is the highest (latest).
        Assert.Equal(["v1.0.0", "v1.10.0", "v1.2.3", "v1.9.x-not-semver"], gitRef.VersionTags.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Prerelease_tags_are_ranked_by_SemVer_precedence_in_ASCII_order()
    {
        await InitAsync();
        // SemVer 2.0 compares prerelease labels in ASCII order: "rc" is after "RC", which NuGet's ordering calls equal.
        await GitAsync(Repository, "tag", "v2.0.0-rc.1");
        await GitAsync(Repository, "tag", "v2.0.0-RC.1");
        Assert.Equal("v2.0.0-rc.1", (await ReadAsync(Repository)).Name);
    }

    [Fact]
    public async Task A_branch_is_the_ref_when_no_version_tag_is_at_HEAD_and_the_default_branch_is_origins()
    {
        await InitAsync("trunk");
        await GitAsync(Repository, "tag", "v0.1.0", "HEAD~1");
        var clone = Path.Combine(_directory, "clone");
        await GitAsync(_directory, "clone", "--quiet", Repository, clone);
        await GitAsync(clone, "switch", "--quiet", "-c", "feature/Login");

        var gitRef = await ReadAsync(clone);

        Assert.Equal(RefKind.Branch, gitRef.Kind);
        Assert.Equal("feature/Login", gitRef.Name);
        Assert.Equal("trunk", gitRef.DefaultBranch);
        Assert.Equal(["sha-" + gitRef.Sha[..7], "feature-login"], TagRules.For(gitRef).Tags.Select(t => t.Name));
    }

    [Fact]
    public async Task On_the_default_branch_the_images_are_also_edge_and_without_origin_main_is_taken_as_default()
    {
        await InitAsync("main");

        var gitRef = await ReadAsync(Repository);

        Assert.Equal(RefKind.Branch, gitRef.Kind);
        Assert.Equal("main", gitRef.DefaultBranch);
        Assert.Equal(["main", "edge"], TagRules.For(gitRef).FloatingTags.Select(t => t.Name));
    }

    [Fact]
    public async Task A_detached_HEAD_without_a_tag_is_only_its_commit()
    {
        await InitAsync();
        await GitAsync(Repository, "tag", "v2.0.0");
        var first = await GitAsync(Repository, "rev-parse", "HEAD~1");
        await GitAsync(Repository, "checkout", "--quiet", "--detach", "HEAD~1");

        var gitRef = await ReadAsync(Repository);

        Assert.Equal(RefKind.Commit, gitRef.Kind);
        Assert.Equal(first, gitRef.Sha);
        Assert.Equal(["sha-" + first[..7]], TagRules.For(gitRef).Tags.Select(t => t.Name));
    }

    [Fact]
    public async Task Under_GitHub_Actions_a_pull_requests_merge_ref_gives_its_number_and_the_event_the_default_branch()
    {
        await InitAsync();
        var merge = new string('d', 40);
        var payload = Path.Combine(_directory, "event.json");
        await File.WriteAllTextAsync(payload, """{"number":42,"repository":{"full_name":"acme/shop","default_branch":"develop"}}""");

        var gitRef = await ReadAsync(Repository, new()
        {
            ["GITHUB_ACTIONS"] = "true", ["GITHUB_REF"] = "refs/pull/42/merge", ["GITHUB_SHA"] = merge, ["GITHUB_EVENT_PATH"] = payload,
        });

        Assert.Equal(RefKind.PullRequest, gitRef.Kind);
        Assert.Equal("42", gitRef.Name);
        Assert.Equal(merge, gitRef.Sha); // the merge commit the runner checked out, not the branch's head
        Assert.Equal("develop", gitRef.DefaultBranch);
        Assert.Equal(["sha-ddddddd", "pr-42"], TagRules.For(gitRef).Tags.Select(t => t.Name));
    }

    [Theory]
    [InlineData("refs/tags/v3.1.0", RefKind.Tag, "v3.1.0")]
    [InlineData("refs/heads/release/3.x", RefKind.Branch, "release/3.x")]
    [InlineData("refs/pull/7/head", RefKind.PullRequest, "7")]
    public async Task Under_GitHub_Actions_GITHUB_REF_decides_whatever_the_checkout_is(string githubRef, RefKind kind, string name)
    {
        await InitAsync();
        await GitAsync(Repository, "tag", "v9.9.9"); // a tag at HEAD that GITHUB_REF does not name

        var gitRef = await ReadAsync(Repository, new() { ["GITHUB_ACTIONS"] = "true", ["GITHUB_REF"] = githubRef, ["GITHUB_SHA"] = new string('e', 40) });

        Assert.Equal(kind, gitRef.Kind);
        Assert.Equal(name, gitRef.Name);
        Assert.Null(gitRef.DefaultBranch); // no event payload
        Assert.Equal(["v9.9.9"], gitRef.VersionTags);
    }

    [Fact]
    public async Task Outside_GitHub_Actions_its_variables_are_ignored()
    {
        await InitAsync("main");

        var gitRef = await ReadAsync(Repository, new() { ["GITHUB_REF"] = "refs/pull/42/merge", ["GITHUB_SHA"] = new string('d', 40) });

        Assert.Equal(RefKind.Branch, gitRef.Kind);
        Assert.Equal("main", gitRef.Name);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
