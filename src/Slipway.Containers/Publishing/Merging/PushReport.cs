using System.Text.RegularExpressions;
using Slipway.Containers.Images;

namespace Slipway.Containers.Publishing.Merging;

/// <summary>
/// artifacts/pushed.json: what PushByDigest put into the registry from one machine, the hand-off to the job that merges
/// every platform's manifests into one index. Manifests are stored untagged, under their digest only.
/// </summary>
public sealed partial record PushReport
{
    /// <summary>Registry and namespace, as --registry gave it: <c>ghcr.io/acme</c>.</summary>
    public required string Registry { get; init; }

    /// <summary>The commit the images were built from (images.json's <c>revision</c>).</summary>
    public required string Revision { get; init; }

    /// <summary>images.json's <c>version</c>, e.g. <c>sha-1a2b3c4</c>.</summary>
    public required string Version { get; init; }

    public required IReadOnlyList<PushedImage> Images { get; init; }

    /// <param name="path">The file to read.</param>
    /// <param name="file">How errors name it, e.g. relative to the root.</param>
    public static PushReport Load(string path, string? file = null)
    {
        file ??= path;
        var report = ReportFile.Load<PushReport>(path, file, "push report", "run PushByDigest on that platform first");
        report.Validate(file);
        return report;
    }

    public void Save(string file) => ReportFile.Save(this, file);

    /// <summary>Every field a merge relies on, checked with the file and the field named.</summary>
    public void Validate(string file)
    {
        if (Images.Count == 0) throw new InvalidDataException($"{file}: 'images' is empty: that platform pushed nothing.");
        foreach (var (image, i) in Images.Select((x, i) => (x, i)))
        {
            var at = $"{file}: images[{i}]";
            if (string.IsNullOrWhiteSpace(image.Service)) throw new InvalidDataException($"{at}.service is empty.");
            if (image.Manifests.Count == 0) throw new InvalidDataException($"{at} ('{image.Service}'): 'manifests' is empty.");
            foreach (var (manifest, j) in image.Manifests.Select((x, j) => (x, j)))
            {
                var field = $"{at}.manifests[{j}] ('{image.Service}')";
                if (!DigestPattern().IsMatch(manifest.Digest))
                    throw new InvalidDataException($"{field}: digest '{manifest.Digest}' is not sha256:<64 hex>.");
                if (!PlatformPattern().IsMatch(manifest.Platform))
                    throw new InvalidDataException($"{field}: platform '{manifest.Platform}' is not os/architecture[/variant].");
                if (manifest.MediaType is not ("application/vnd.oci.image.manifest.v1+json" or "application/vnd.docker.distribution.manifest.v2+json"))
                    throw new InvalidDataException($"{field}: mediaType '{manifest.MediaType}' is not an image manifest's.");
                if (manifest.Size <= 0) throw new InvalidDataException($"{field}: size {manifest.Size} is not the manifest's length in bytes.");
                if (manifest.Attestation is { } attestation)
                {
                    if (!DigestPattern().IsMatch(attestation.Digest))
                        throw new InvalidDataException($"{field}.attestation: digest '{attestation.Digest}' is not sha256:<64 hex>.");
                    if (attestation.MediaType != "application/vnd.oci.image.manifest.v1+json")
                        throw new InvalidDataException($"{field}.attestation: mediaType '{attestation.MediaType}' is not an OCI manifest's, as buildx writes attestations.");
                    if (attestation.Size <= 0) throw new InvalidDataException($"{field}.attestation: size {attestation.Size} is not the manifest's length in bytes.");
                }
            }
        }
        if (Images.GroupBy(x => x.Service).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InvalidDataException($"{file}: service '{twice.Key}' is listed twice in 'images'.");
    }

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex DigestPattern();

    [GeneratedRegex("^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$")]
    private static partial Regex PlatformPattern();
}

/// <summary>One service's pushed platform manifests.</summary>
public sealed record PushedImage
{
    public required string Service { get; init; }

    /// <summary>The repository it was pushed to: <c>ghcr.io/acme/api</c>.</summary>
    public required string Image { get; init; }

    public required IReadOnlyList<PushedManifest> Manifests { get; init; }
}

/// <summary>A platform manifest as the registry holds it: what an index entry needs to name it.</summary>
public sealed record PushedManifest
{
    /// <summary>e.g. <c>linux/arm64</c>.</summary>
    public required string Platform { get; init; }

    public required string Digest { get; init; }

    public required string MediaType { get; init; }

    /// <summary>The manifest's own length in bytes (an index entry's <c>size</c>).</summary>
    public required long Size { get; init; }

    /// <summary>buildx's attestation manifest (provenance, SBOM) of this platform, pushed beside it; null when the builder made none.</summary>
    public PushedAttestation? Attestation { get; init; }
}

/// <summary>An attestation manifest as the registry holds it: listed in the index, annotated with the manifest it describes.</summary>
public sealed record PushedAttestation
{
    public required string Digest { get; init; }

    public required string MediaType { get; init; }

    public required long Size { get; init; }
}
