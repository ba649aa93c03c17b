using Slipway.Containers.Publishing.Merging;

namespace Slipway.Containers.Tests.Publishing;

/// <summary>Push reports as two platforms' PushByDigest would write them.</summary>
internal static class PushReports
{
    public const string Revision = "0123456789abcdef0123456789abcdef01234567";

    public static string Digest(char c) => "sha256:" + new string(c, 64);

    public static PushedManifest Manifest(string platform, char digest, long size = 1234) =>
        new() { Platform = platform, Digest = Digest(digest), MediaType = "application/vnd.oci.image.manifest.v1+json", Size = size };

    public static PushReport Report(string platform, params (string Service, char Digest)[] images) => new()
    {
        Registry = "ghcr.io/acme",
        Revision = Revision,
        Version = "sha-0123456",
        Images = images.Select(i => new PushedImage { Service = i.Service, Image = $"ghcr.io/acme/{i.Service}", Manifests = [Manifest(platform, i.Digest)] }).ToList(),
    };
}
