using System.Security.Cryptography;
using System.Text.Json;

namespace Slipway.Containers.Publishing.Registry;

/// <summary>A manifest or index exactly as the registry stores it: its bytes, media type and digest.</summary>
public sealed record Manifest(byte[] Content, string MediaType)
{
    public static readonly string[] MediaTypes =
    [
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
    ];

    public string Digest { get; } = DigestOf(Content);

    public bool IsIndex => MediaType is "application/vnd.oci.image.index.v1+json" or "application/vnd.docker.distribution.manifest.list.v2+json";

    /// <summary>The digests an index lists (for a single manifest, none).</summary>
    public IReadOnlyList<string> ListedDigests
    {
        get
        {
            if (!IsIndex) return [];
            using var json = JsonDocument.Parse(Content);
            return json.RootElement.TryGetProperty("manifests", out var manifests)
                ? manifests.EnumerateArray().Select(m => m.GetProperty("digest").GetString()!).ToList()
                : [];
        }
    }

    public static string DigestOf(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
}
