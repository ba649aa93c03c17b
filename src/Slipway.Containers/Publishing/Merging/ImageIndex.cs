using System.Text.Encodings.Web;
using System.Text.Json;
using Slipway.Containers.Building;
using Slipway.Containers.Images;
using Slipway.Containers.Publishing.Registry;

namespace Slipway.Containers.Publishing.Merging;

/// <summary>
/// Writes the OCI image index that lists platform manifests, as a merge of per-platform pushes needs it, followed by
/// buildx's attestation manifests, annotated as buildx annotates them (the manifest each describes, platform unknown/unknown).
/// The bytes depend only on the manifests and their order, so merging the same pushes again gives the same digest
/// (publishing is idempotent).
/// </summary>
public static class ImageIndex
{
    public const string MediaType = "application/vnd.oci.image.index.v1+json";

    public static Manifest Compose(IReadOnlyList<PushedManifest> manifests)
    {
        if (manifests.Count == 0) throw new ArgumentException("An index lists at least one manifest.", nameof(manifests));
        using var buffer = new MemoryStream();
        // Media types keep their "+" as is (the default encoder writes \u002B), as other tools write indexes.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 2);
            json.WriteString("mediaType", MediaType);
            json.WriteStartArray("manifests");
            foreach (var manifest in manifests)
            {
                json.WriteStartObject();
                json.WriteString("mediaType", manifest.MediaType);
                json.WriteString("digest", manifest.Digest);
                json.WriteNumber("size", manifest.Size);
                json.WriteStartObject("platform");
                var platform = PlatformName.Of(manifest.Platform);
                json.WriteString("architecture", platform.Architecture);
                json.WriteString("os", platform.Os);
                if (platform.Variant is { } variant) json.WriteString("variant", variant);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            foreach (var manifest in manifests)
            {
                if (manifest.Attestation is not { } attestation) continue;
                json.WriteStartObject();
                json.WriteString("mediaType", attestation.MediaType);
                json.WriteString("digest", attestation.Digest);
                json.WriteNumber("size", attestation.Size);
                json.WriteStartObject("annotations");
                json.WriteString(OciIndex.ReferenceDigest, manifest.Digest);
                json.WriteString(OciIndex.ReferenceType, OciIndex.AttestationManifest);
                json.WriteEndObject();
                json.WriteStartObject("platform");
                json.WriteString("architecture", "unknown");
                json.WriteString("os", "unknown");
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return new Manifest(buffer.ToArray(), MediaType);
    }
}
