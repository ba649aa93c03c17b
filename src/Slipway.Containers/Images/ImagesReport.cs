using System.Text.Json.Serialization;
using Slipway.Build;

namespace Slipway.Containers.Images;

/// <summary>
/// artifacts/images.json: what BuildImages produced, the hand-off to ScanImages, ComposeUp and Publish.
/// Every later target uses these digests, never a tag, so what is scanned and tested is what ships.
/// </summary>
public sealed record ImagesReport
{
    /// <summary>The version label of the build (e.g. <c>sha-1a2b3c4</c> or <c>sha-1a2b3c4-dirty</c>).</summary>
    public required string Version { get; init; }

    /// <summary>The full commit hash the images were built from.</summary>
    public required string Revision { get; init; }

    /// <summary>The commit time, used as org.opencontainers.image.created so rebuilds give identical labels.</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>The platforms every image was built for, e.g. <c>linux/amd64</c>.</summary>
    public required IReadOnlyList<string> Platforms { get; init; }

    public required IReadOnlyList<BuiltImage> Images { get; init; }

    public static ImagesReport Load(AbsolutePath file) => ReportFile.Load<ImagesReport>(file, file, "images report", "run BuildImages first");

    public void Save(AbsolutePath file) => ReportFile.Save(this, file);
}

/// <summary>One service's image.</summary>
public sealed record BuiltImage
{
    /// <summary>The compose service the image is built for.</summary>
    public required string Service { get; init; }

    /// <summary>The local reference the image was loaded as: <c>repository:tag</c>.</summary>
    public required string Reference { get; init; }

    public required string Repository { get; init; }
    public required string Tag { get; init; }

    /// <summary>
    /// The digest of the image index (or of the manifest for a single-platform image without an index); on an engine
    /// with the classic image store, the image ID.
    /// </summary>
    public required string Digest { get; init; }

    /// <summary>One per platform; empty on an engine with the classic image store, which makes a manifest only when it exports or pushes the image.</summary>
    public required IReadOnlyList<PlatformManifest> Manifests { get; init; }

    /// <summary>
    /// The image by content, for everything that runs it after BuildImages: <c>repository@digest</c>, or the image ID on
    /// an engine with the classic image store. A tag can move (another checkout of the same commit builds it too); this cannot.
    /// </summary>
    [JsonIgnore]
    public string PinnedReference => Manifests.Count > 0 ? $"{Repository}@{Digest}" : Digest;
}

/// <summary>One platform's manifest of an image.</summary>
public sealed record PlatformManifest
{
    /// <summary>e.g. <c>linux/arm64</c>.</summary>
    public required string Platform { get; init; }

    public required string Digest { get; init; }

    /// <summary>The compressed size of the platform's config and layers, in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>The digest of buildx's attestation manifest (provenance, SBOM) for this platform, when the builder made one.</summary>
    public string? Attestation { get; init; }
}
