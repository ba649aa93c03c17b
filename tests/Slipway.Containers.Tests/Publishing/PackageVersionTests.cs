using NuGet.Versioning;
using Slipway.Containers.Building;
using Slipway.Containers.Publishing.Versioning;

namespace Slipway.Containers.Tests.Publishing;

/// <summary>Packages take their version from git by the rules of image versions, and NuGet accepts each one.</summary>
public class PackageVersionTests
{
    private const string Sha = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";

    [Theory]
    [InlineData(RefKind.Tag, "v1.2.3", null, false, "1.2.3")]
    [InlineData(RefKind.Tag, "v2.0.0-rc.1", null, false, "2.0.0-rc.1")]
    [InlineData(RefKind.Tag, "v1.2.4+build.7", null, false, "1.2.4+build.7")]
    [InlineData(RefKind.Branch, "main", null, false, "0.0.0-sha-1a2b3c4")]
    [InlineData(RefKind.Branch, "feature/x", null, true, "0.0.0-sha-1a2b3c4-dirty")]
    [InlineData(RefKind.PullRequest, "42", null, false, "0.0.0-sha-1a2b3c4")]
    [InlineData(RefKind.Tag, "nightly", null, false, "0.0.0-sha-1a2b3c4")]
    [InlineData(RefKind.Commit, Sha, "3.1.0", false, "3.1.0")]
    public void A_version_tag_or_version_gives_its_version_and_any_other_build_a_prerelease_named_like_its_image_tag(
        RefKind kind, string name, string? versionOverride, bool dirty, string expected)
    {
        var gitRef = new GitRef { Kind = kind, Name = name, Sha = Sha };
        var revision = new SourceRevision(Sha, dirty, DateTimeOffset.UnixEpoch, null);

        var version = PackageVersion.For(gitRef, revision, versionOverride);

        Assert.Equal(expected, version);
        Assert.True(NuGetVersion.TryParse(version, out var parsed), version);
        Assert.Equal(version, parsed.ToFullString());
    }

    [Fact]
    public void A_commit_build_sorts_below_every_release()
    {
        var gitRef = new GitRef { Kind = RefKind.Branch, Name = "main", Sha = Sha };
        var version = NuGetVersion.Parse(PackageVersion.For(gitRef, new SourceRevision(Sha, false, DateTimeOffset.UnixEpoch, null)));

        Assert.True(version < NuGetVersion.Parse("0.0.1"));
        Assert.True(version.IsPrerelease);
    }

    [Fact]
    public void An_invalid_version_tag_fails_as_it_does_for_images()
    {
        var gitRef = new GitRef { Kind = RefKind.Tag, Name = "v1.02", Sha = Sha };
        Assert.Throws<InvalidVersionException>(() => PackageVersion.For(gitRef, new SourceRevision(Sha, false, DateTimeOffset.UnixEpoch, null)));
    }
}
