using Slipway.Containers.Publishing.Merging;
using Slipway.Containers.Publishing.Registry;
using static Slipway.Containers.Tests.Publishing.PushReports;

namespace Slipway.Containers.Tests.Publishing;

/// <summary>Which per-platform push reports merge, into which indexes, and the errors for those that don't belong together.</summary>
public class PlatformMergeTests
{
    private static readonly string[] Both = ["linux/amd64", "linux/arm64"];
    private static readonly RegistryAddress Acme = RegistryAddress.Parse("ghcr.io/acme");

    private static (string, PushReport) Amd64(params (string, char)[] images) => ("amd64/pushed.json", Report("linux/amd64", images));
    private static (string, PushReport) Arm64(params (string, char)[] images) => ("arm64/pushed.json", Report("linux/arm64", images));

    private static string Error(IReadOnlyList<(string, PushReport)> reports, string[]? platforms = null) =>
        Assert.Throws<InvalidDataException>(() => PlatformMerge.Plan(reports, platforms ?? Both, Acme)).Message;

    [Fact]
    public void Each_service_gets_one_index_of_its_platforms_in_the_requested_order()
    {
        var plan = PlatformMerge.Plan([Arm64(("worker", 'c'), ("api", 'b')), Amd64(("api", 'a'), ("worker", 'd'))], Both, Acme);

        Assert.Equal(Revision, plan.Revision);
        Assert.Equal("sha-0123456", plan.Version);
        Assert.Equal(["api", "worker"], plan.Images.Select(i => i.Service));
        var api = plan.Images[0];
        Assert.Equal(Both, api.Manifests.Select(m => m.Platform));
        Assert.Equal([Digest('a'), Digest('b')], api.Index.ListedDigests);
        Assert.Equal(ImageIndex.Compose([Manifest("linux/amd64", 'a'), Manifest("linux/arm64", 'b')]).Digest, api.Digest);
        Assert.Equal([Digest('d'), Digest('c')], plan.Images[1].Index.ListedDigests);
    }

    [Fact]
    public void One_platform_merges_into_an_index_of_one() =>
        Assert.Equal([Digest('a')], PlatformMerge.Plan([Amd64(("api", 'a'))], ["linux/amd64"], Acme).Images.Single().Index.ListedDigests);

    [Fact]
    public void A_report_of_another_registry_names_it() =>
        Assert.Equal(
            "arm64/pushed.json: 'registry' is ghcr.io/other, but Publish publishes to ghcr.io/acme: the platform manifests are not there. Give --registry ghcr.io/other, or push again.",
            Error([Amd64(("api", 'a')), ("arm64/pushed.json", Report("linux/arm64", ("api", 'b')) with { Registry = "ghcr.io/other" })]));

    [Fact]
    public void A_registry_that_differs_only_in_case_is_the_same() =>
        Assert.Single(PlatformMerge.Plan([("amd64/pushed.json", Report("linux/amd64", ("api", 'a')) with { Registry = "GHCR.io/Acme" })], ["linux/amd64"], Acme).Images);

    [Fact]
    public void An_unreadable_registry_is_named() =>
        Assert.Contains("amd64/pushed.json: 'registry' is not a registry address",
            Error([("amd64/pushed.json", Report("linux/amd64", ("api", 'a')) with { Registry = "http://example.com/acme" })], ["linux/amd64"]));

    [Fact]
    public void Platforms_built_from_different_commits_are_refused() =>
        Assert.Contains("arm64/pushed.json: 'revision' is fedcba9876543210fedcba9876543210fedcba98, but amd64/pushed.json has " + Revision,
            Error([Amd64(("api", 'a')), ("arm64/pushed.json", Report("linux/arm64", ("api", 'b')) with { Revision = "fedcba9876543210fedcba9876543210fedcba98" })]));

    [Fact]
    public void Platforms_built_from_different_working_trees_are_refused() =>
        Assert.Contains("arm64/pushed.json: 'version' is sha-0123456-dirty, but amd64/pushed.json has sha-0123456",
            Error([Amd64(("api", 'a')), ("arm64/pushed.json", Report("linux/arm64", ("api", 'b')) with { Version = "sha-0123456-dirty" })]));

    [Fact]
    public void A_service_one_platform_lacks_is_named() =>
        Assert.Equal("arm64/pushed.json: 'images' has no service 'worker', which amd64/pushed.json has: every platform builds every service.",
            Error([Amd64(("api", 'a'), ("worker", 'c')), Arm64(("api", 'b'))]));

    [Fact]
    public void A_platform_no_report_has_is_named() =>
        Assert.Equal("Service 'api' was not pushed for linux/arm64 (read amd64/pushed.json): did that platform's PushByDigest run?",
            Error([Amd64(("api", 'a'))]));

    [Fact]
    public void A_platform_pushed_twice_is_refused() =>
        Assert.Contains("amd64-again/pushed.json: service 'api' has linux/amd64, and so has amd64/pushed.json",
            Error([Amd64(("api", 'a')), ("amd64-again/pushed.json", Report("linux/amd64", ("api", 'b')))]));

    [Fact]
    public void A_platform_not_requested_is_refused() =>
        Assert.Contains("arm64/pushed.json: service 'api' was pushed for linux/arm64, which is not one of the platforms to publish (linux/amd64)",
            Error([Amd64(("api", 'a')), Arm64(("api", 'b'))], ["linux/amd64"]));

    [Fact]
    public void A_service_pushed_to_another_repository_is_refused()
    {
        var (file, report) = Amd64(("api", 'a'));
        var moved = report with { Images = [report.Images[0] with { Image = "ghcr.io/acme/other" }] };

        Assert.Equal("amd64/pushed.json: service 'api' was pushed to ghcr.io/acme/other, expected ghcr.io/acme/api.", Error([(file, moved)], ["linux/amd64"]));
    }

    [Fact]
    public void No_reports_is_an_error() =>
        Assert.Contains("no push reports", Error([]));
}
