using System.Text.Json.Nodes;

namespace Slipway.Containers.Images;

/// <summary>
/// How an OCI index and its entries read, for every reader of images (the content store, an export, the registry):
/// which entries are platform images and which are buildx's attestation manifests (provenance, SBOM) and whom they
/// describe, which are nested indexes, and how large a manifest's content is. Pure.
/// </summary>
public static class OciIndex
{
    /// <summary>The largest JSON document (index, manifest, config) any reader takes: they are a few KB, a layer is not one.</summary>
    public const int MaxDocumentSize = 4 * 1024 * 1024;

    /// <summary>The annotation buildx puts on an attestation manifest's index entry, and the one naming the manifest it describes.</summary>
    public const string ReferenceType = "vnd.docker.reference.type";
    public const string ReferenceDigest = "vnd.docker.reference.digest";
    public const string AttestationManifest = "attestation-manifest";

    public sealed record Entry(string Platform, string Digest);

    /// <summary>Platform manifests of an index, without the attestation manifests buildx adds (platform unknown/unknown).</summary>
    public static IReadOnlyList<Entry> PlatformEntries(JsonObject index) =>
        Entries(index)
        .Where(m => !IsAttestation(m))
        .Select(m => new Entry(PlatformName.FromOci(m["platform"])?.ToString() ?? "unknown/unknown", m["digest"]!.GetValue<string>()))
        .Where(e => e.Platform != "unknown/unknown")
        .ToList();

    /// <summary>buildx's attestation manifests, by the digest of the platform manifest each one describes.</summary>
    public static IReadOnlyDictionary<string, string> AttestationEntries(JsonObject index) =>
        Entries(index)
        .Where(IsAttestation)
        .Select(m => (Subject: m["annotations"]?[ReferenceDigest]?.GetValue<string>(), Digest: m["digest"]!.GetValue<string>()))
        .Where(a => a.Subject is not null)
        .GroupBy(a => a.Subject!)
        .ToDictionary(g => g.Key, g => g.First().Digest);

    public static bool IsAttestation(JsonNode entry) => (string?)entry["annotations"]?[ReferenceType] == AttestationManifest;

    /// <summary>An OCI index or a Docker manifest list, by media type.</summary>
    public static bool IsIndex(string? mediaType) =>
        mediaType is not null && (mediaType.Contains("index", StringComparison.Ordinal) || mediaType.Contains("manifest.list", StringComparison.Ordinal));

    public static long ContentSize(JsonObject manifest) =>
        (manifest["config"]?["size"]?.GetValue<long>() ?? 0) +
        (manifest["layers"] as JsonArray ?? []).Sum(l => l?["size"]?.GetValue<long>() ?? 0);

    private static IEnumerable<JsonObject> Entries(JsonObject index) => (index["manifests"] as JsonArray ?? []).OfType<JsonObject>();
}
