using System.Text.Json.Nodes;
using Slipway.Containers.Images;
using Slipway.Containers.Images.ContentStore;

namespace Slipway.Containers.Building;

/// <summary>
/// Reads an image's index and per-platform manifests from the engine's containerd content store: the Docker API of
/// engine 26 does not expose them, and exporting whole images just to read a few KB is slow.
/// </summary>
public sealed class ImageIndexReader : IDisposable
{
    private readonly ContainerdContentStore _store = new(ContainerdSocket.Require());

    public async Task<IReadOnlyList<PlatformManifest>> ManifestsAsync(string digest, CancellationToken cancellationToken)
    {
        var top = await ReadAsync(digest, cancellationToken);
        var mediaType = top["mediaType"]?.GetValue<string>() ?? "";
        if (!mediaType.Contains("index", StringComparison.Ordinal) && !mediaType.Contains("manifest.list", StringComparison.Ordinal))
            throw new InvalidDataException($"{digest} is a single manifest, not an index; BuildImages builds every image as an index.");

        var entries = IndexParsing.PlatformEntries(top);
        var attestations = IndexParsing.AttestationEntries(top);
        var manifests = await Task.WhenAll(entries.Select(async entry => new PlatformManifest
        {
            Platform = entry.Platform, Digest = entry.Digest, Size = IndexParsing.ContentSize(await ReadAsync(entry.Digest, cancellationToken)),
            Attestation = attestations.GetValueOrDefault(entry.Digest),
        }));
        return manifests;
    }

    public void Dispose() => _store.Dispose();

    private async Task<JsonObject> ReadAsync(string digest, CancellationToken cancellationToken) =>
        await _store.ReadDocumentAsync(digest, cancellationToken) as JsonObject
        ?? throw new InvalidDataException($"{digest} is not in the engine's content store as a JSON manifest.");
}

/// <summary>
/// The pure part: which entries of an index are platform images, which are buildx's attestation manifests (provenance,
/// SBOM) and the image each of those describes, and how large a manifest's content is.
/// </summary>
public static class IndexParsing
{
    /// <summary>The annotation buildx puts on an attestation manifest's index entry, and the one naming the manifest it describes.</summary>
    public const string ReferenceType = "vnd.docker.reference.type";
    public const string ReferenceDigest = "vnd.docker.reference.digest";
    public const string AttestationManifest = "attestation-manifest";

    public sealed record Entry(string Platform, string Digest);

    /// <summary>Platform manifests of an index, without the attestation manifests buildx adds (platform unknown/unknown).</summary>
    public static IReadOnlyList<Entry> PlatformEntries(JsonObject index) =>
        Entries(index)
        .Where(m => !IsAttestation(m))
        .Select(m => new Entry(Platform(m["platform"]), m["digest"]!.GetValue<string>()))
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

    private static IEnumerable<JsonObject> Entries(JsonObject index) => (index["manifests"] as JsonArray ?? []).OfType<JsonObject>();

    private static bool IsAttestation(JsonObject entry) => entry["annotations"]?[ReferenceType]?.GetValue<string>() == AttestationManifest;

    public static long ContentSize(JsonObject manifest) =>
        (manifest["config"]?["size"]?.GetValue<long>() ?? 0) +
        (manifest["layers"] as JsonArray ?? []).Sum(l => l?["size"]?.GetValue<long>() ?? 0);

    private static string Platform(JsonNode? platform)
    {
        var os = platform?["os"]?.GetValue<string>() ?? "unknown";
        var architecture = platform?["architecture"]?.GetValue<string>() ?? "unknown";
        return platform?["variant"]?.GetValue<string>() is { } variant ? $"{os}/{architecture}/{variant}" : $"{os}/{architecture}";
    }
}
