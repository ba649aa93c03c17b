using System.Text;
using Serilog.Core;
using Slipway.Containers.Publishing.Release;

namespace Slipway.Containers.Tests.Publishing;

public sealed class GitHubReleaserTests : IDisposable
{
    private readonly FakeGitHub _github = new("acme", "shop");
    private readonly string _artifacts = Directory.CreateTempSubdirectory("slipway-release-").FullName;

    public void Dispose()
    {
        _github.Dispose();
        Directory.Delete(_artifacts, recursive: true);
    }

    private GitHubReleaser Releaser(string token = FakeGitHub.Token) =>
        new(GitHubReleaser.CreateClient(token, _github.BaseAddress), new GitHubRepository("acme", "shop"), Logger.None);

    private IReadOnlyList<ReleaseAsset> Assets(string sarif = "{\"version\":\"2.1.0\"}")
    {
        File.WriteAllText(Path.Combine(_artifacts, "images.json"), "{\"images\":[]}\n");
        Directory.CreateDirectory(Path.Combine(_artifacts, "scan", "sbom"));
        File.WriteAllText(Path.Combine(_artifacts, "scan", "sbom", "api.cdx.json"), "{\"bomFormat\":\"CycloneDX\"}");
        File.WriteAllText(Path.Combine(_artifacts, "scan", "findings.sarif"), sarif);
        File.WriteAllText(Path.Combine(_artifacts, "scan", "summary.md"), "# Scan\n");
        return ReleaseAssets.Collect(_artifacts, Path.Combine(_artifacts, "out"));
    }

    private static ReleaseRequest Request(IReadOnlyList<ReleaseAsset> assets, string body = "notes", bool prerelease = false) =>
        new("v1.2.3", "v1.2.3", body, prerelease, MakeLatest: true, assets);

    [Fact]
    public async Task A_new_release_is_created_as_a_draft_gets_its_assets_and_is_then_published()
    {
        var assets = Assets();

        var release = await Releaser().PublishAsync(Request(assets), CancellationToken.None);

        var stored = Assert.Single(_github.Releases);
        Assert.Equal(release.Id, stored["id"]!.GetValue<long>());
        Assert.True(_github.Bodies[0]["draft"]!.GetValue<bool>(), "created as a draft");
        Assert.Equal("v1.2.3", _github.Bodies[0]["tag_name"]!.GetValue<string>());
        Assert.False(stored["draft"]!.GetValue<bool>(), "published at the end");
        Assert.False(release.Draft);
        Assert.Equal("true", _github.Bodies[^1]["make_latest"]!.GetValue<string>());
        var uploaded = _github.Assets[release.Id];
        Assert.Equal(["images.json", "scan-findings.sarif", "scan-sbom-api.cdx.json", "SHA256SUMS"], uploaded.Select(a => a.Asset["name"]!.GetValue<string>()));
        Assert.All(uploaded, a => Assert.True(a.WhileDraft, $"{a.Asset["name"]} was uploaded after publishing"));
        Assert.Equal("application/sarif+json", uploaded[1].Asset["content_type"]!.GetValue<string>());
        Assert.Equal(File.ReadAllBytes(Path.Combine(_artifacts, "scan", "findings.sarif")), uploaded[1].Content);
        Assert.Equal(["POST /api/v3/repos/acme/shop/releases", "PATCH /api/v3/repos/acme/shop/releases/" + release.Id],
            _github.Requests.Where(r => r.StartsWith("POST /api/v3") || r.StartsWith("PATCH")));
    }

    [Fact]
    public async Task Publishing_again_updates_the_release_and_replaces_assets_instead_of_duplicating()
    {
        await Releaser().PublishAsync(Request(Assets(), body: "first"), CancellationToken.None);

        var release = await Releaser().PublishAsync(Request(Assets("{\"version\":\"2.1.0\",\"runs\":[]}"), body: "second", prerelease: true), CancellationToken.None);

        var stored = Assert.Single(_github.Releases);
        Assert.Equal("second", stored["body"]!.GetValue<string>());
        Assert.True(stored["prerelease"]!.GetValue<bool>());
        var uploaded = _github.Assets[release.Id];
        Assert.Equal(4, uploaded.Count);
        Assert.Equal("{\"version\":\"2.1.0\",\"runs\":[]}", Encoding.UTF8.GetString(uploaded.Single(a => a.Asset["name"]!.GetValue<string>() == "scan-findings.sarif").Content));
    }

    [Fact]
    public async Task A_draft_left_by_a_failed_run_is_reused_and_published()
    {
        var draft = _github.Seed("v1.2.3", draft: true);

        var release = await Releaser().PublishAsync(Request(Assets()), CancellationToken.None);

        Assert.Equal(draft["id"]!.GetValue<long>(), release.Id);
        Assert.False(Assert.Single(_github.Releases)["draft"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_bad_token_fails_with_GitHubs_answer()
    {
        var e = await Assert.ThrowsAsync<Octokit.AuthorizationException>(() => Releaser("wrong").PublishAsync(Request(Assets()), CancellationToken.None));

        Assert.Contains("Bad credentials", e.Message);
        Assert.Empty(_github.Releases);
    }

    [Fact]
    public void A_merge_jobs_platform_reports_are_assets_too()
    {
        var amd64 = Path.Combine(_artifacts, "platforms", "linux-amd64");
        Directory.CreateDirectory(Path.Combine(amd64, "scan"));
        File.WriteAllText(Path.Combine(amd64, "images.json"), "{}");
        File.WriteAllText(Path.Combine(amd64, "pushed.json"), "{}");
        File.WriteAllText(Path.Combine(amd64, "scan", "findings.sarif"), "{}");
        File.WriteAllText(Path.Combine(amd64, "scan", "summary.md"), "# Scan\n");

        var assets = ReleaseAssets.Collect(_artifacts, Path.Combine(_artifacts, "out"));

        Assert.Equal(
            ["platforms-linux-amd64-images.json", "platforms-linux-amd64-pushed.json", "platforms-linux-amd64-scan-findings.sarif", ReleaseAssets.ChecksumsName],
            assets.Select(a => a.Name));
    }

    [Fact]
    public void The_checksums_file_lists_every_asset_in_sha256sum_format()
    {
        var assets = Assets();

        var sums = File.ReadAllLines(assets.Single(a => a.Name == ReleaseAssets.ChecksumsName).Path);

        Assert.Equal(3, sums.Length);
        var images = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(_artifacts, "images.json"))));
        Assert.Contains($"{images}  images.json", sums);
        Assert.DoesNotContain(assets, a => a.Name.EndsWith(".md"));
    }
}
