using Slipway.Containers.Publishing.Merging;
using static Slipway.Containers.Tests.Publishing.PushReports;

namespace Slipway.Containers.Tests.Publishing;

/// <summary>artifacts/pushed.json, the hand-off from each platform's PushByDigest to the merge: written, read back, bad input named.</summary>
public sealed class PushReportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("slipway-pushed-").FullName;

    private string File(string name) => Path.Combine(_directory, name);

    [Fact]
    public void A_saved_report_reads_back_equal()
    {
        var report = Report("linux/arm64", ("api", 'a'), ("worker", 'b'));
        var file = File("platforms/linux-arm64/pushed.json");

        report.Save(file);
        var read = PushReport.Load(file);

        Assert.Equal(report.Registry, read.Registry);
        Assert.Equal(report.Revision, read.Revision);
        Assert.Equal(report.Version, read.Version);
        Assert.Equal(report.Images.Select(i => (i.Service, i.Image)), read.Images.Select(i => (i.Service, i.Image)));
        Assert.Equal(report.Images.SelectMany(i => i.Manifests), read.Images.SelectMany(i => i.Manifests));
        Assert.Contains("\"mediaType\": \"application/vnd.oci.image.manifest.v1+json\"", System.IO.File.ReadAllText(file));
    }

    [Fact]
    public void A_platforms_buildx_attestation_reads_back_with_it()
    {
        var report = Report("linux/amd64", ("api", 'a'));
        var attestation = new PushedAttestation { Digest = Digest('c'), MediaType = "application/vnd.oci.image.manifest.v1+json", Size = 566 };
        report = report with { Images = [report.Images[0] with { Manifests = [report.Images[0].Manifests[0] with { Attestation = attestation }] }] };

        report.Save(File("pushed.json"));

        Assert.Equal(attestation, PushReport.Load(File("pushed.json")).Images[0].Manifests[0].Attestation);
    }

    [Fact]
    public void A_missing_report_says_which_target_writes_it()
    {
        var e = Assert.Throws<FileNotFoundException>(() => PushReport.Load(File("nope.json"), "artifacts/platforms/linux-arm64/pushed.json"));

        Assert.Contains("artifacts/platforms/linux-arm64/pushed.json does not exist", e.Message);
        Assert.Contains("PushByDigest", e.Message);
    }

    [Theory]
    [InlineData("{", "not a valid push report")]
    [InlineData("""{"registry":"ghcr.io/acme","version":"sha-0123456","images":[]}""", "revision")]
    public void Unreadable_reports_are_named(string json, string expected)
    {
        System.IO.File.WriteAllText(File("pushed.json"), json);

        var e = Assert.Throws<InvalidDataException>(() => PushReport.Load(File("pushed.json"), "pushed.json"));

        Assert.StartsWith("pushed.json: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    public static TheoryData<PushReport, string> BadReports()
    {
        var good = Report("linux/amd64", ("api", 'a'));
        var api = good.Images[0];
        var manifest = api.Manifests[0];
        var attestation = new PushedAttestation { Digest = Digest('c'), MediaType = "application/vnd.oci.image.manifest.v1+json", Size = 566 };
        PushReport With(PushedManifest m) => good with { Images = [api with { Manifests = [m] }] };
        return new()
        {
            { good with { Images = [] }, "'images' is empty" },
            { good with { Images = [api with { Service = " " }] }, "images[0].service is empty" },
            { good with { Images = [api with { Manifests = [] }] }, "images[0] ('api'): 'manifests' is empty" },
            { With(manifest with { Digest = "sha256:abc" }), "images[0].manifests[0] ('api'): digest 'sha256:abc' is not sha256:<64 hex>" },
            { With(manifest with { Digest = "sha512:" + new string('a', 64) }), "is not sha256:<64 hex>" },
            { With(manifest with { Platform = "amd64" }), "platform 'amd64' is not os/architecture[/variant]" },
            { With(manifest with { MediaType = "application/vnd.oci.image.index.v1+json" }), "is not an image manifest's" },
            { With(manifest with { Size = 0 }), "size 0 is not the manifest's length" },
            { good with { Images = [api, api] }, "service 'api' is listed twice" },
            { With(manifest with { Attestation = attestation with { Digest = "sha256:x" } }), "images[0].manifests[0] ('api').attestation: digest 'sha256:x' is not sha256:<64 hex>" },
            { With(manifest with { Attestation = attestation with { MediaType = "application/vnd.in-toto+json" } }), ".attestation: mediaType 'application/vnd.in-toto+json' is not an OCI manifest's" },
            { With(manifest with { Attestation = attestation with { Size = -1 } }), ".attestation: size -1 is not the manifest's length" },
        };
    }

    [Theory]
    [MemberData(nameof(BadReports))]
    public void Bad_fields_are_named_with_the_file(PushReport report, string expected)
    {
        report.Save(File("pushed.json"));

        var e = Assert.Throws<InvalidDataException>(() => PushReport.Load(File("pushed.json"), "artifacts/platforms/linux-amd64/pushed.json"));

        Assert.StartsWith("artifacts/platforms/linux-amd64/pushed.json: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
