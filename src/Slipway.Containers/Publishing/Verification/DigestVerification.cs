using Slipway.Containers.Publishing.Attestations;
using Slipway.Containers.Publishing.Signing;

namespace Slipway.Containers.Publishing.Verification;

/// <summary>What cosign answered about one index digest: its verified signatures and attestations, or why there were none.</summary>
public sealed record CosignFindings(
    VerifiedSignatures? Signatures, CosignRefusal? SignatureRefusal,
    IReadOnlyList<AttestationStatement> Sboms, CosignRefusal? SbomRefusal,
    IReadOnlyList<AttestationStatement> Scans, CosignRefusal? ScanRefusal);

/// <summary>The verdict on one index digest that tags of a service point at.</summary>
/// <param name="Platforms">The index's platform manifests: platform → digest.</param>
/// <param name="SbomPlatforms">Platforms whose CycloneDX SBOM is attested to the index by the trusted signer.</param>
/// <param name="ScanPlatforms">Platforms whose scan result is attested likewise.</param>
/// <param name="BuildxAttested">Platforms the index lists buildx's own attestations (provenance, SBOM) for; covered by the index's signature.</param>
public sealed record DigestVerification(
    string Service, string Image, string Digest, IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Platforms, int Signatures,
    IReadOnlyList<string> SbomPlatforms, IReadOnlyList<string> ScanPlatforms, IReadOnlyList<string> BuildxAttested,
    IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0;

    /// <summary>
    /// Judges cosign's answers: the index must carry a signature by the trusted signer over exactly this digest, and
    /// for every platform manifest a CycloneDX SBOM and a scan result attested by it, every attestation about this
    /// very digest. A problem names the tags that point here, so an unsigned release is named by the tag users pull.
    /// </summary>
    public static DigestVerification Evaluate(
        string service, string image, string digest, IReadOnlyList<string> tags,
        IReadOnlyDictionary<string, string> platforms, IReadOnlyCollection<string> buildxAttested, TrustedSigner trusted, CosignFindings cosign)
    {
        var named = $"{string.Join(", ", tags.Select(t => $"{image}:{t}"))} → {digest}";
        var problems = new List<string>();
        var signatures = cosign.Signatures?.SignedDigests.Count(d => d == digest) ?? 0;
        if (cosign.Signatures is null)
            problems.Add($"{named} is not signed by {trusted.Describe()}: {cosign.SignatureRefusal?.Reason}");
        else if (signatures == 0)
            problems.Add($"{named}: the signatures cosign accepted are over {string.Join(", ", cosign.Signatures.SignedDigests.Distinct())}, not over this digest.");

        var sboms = Covered("CycloneDX SBOM", CosignArguments.CycloneDx, cosign.Sboms, cosign.SbomRefusal, s => s?["metadata"]?["component"]?["version"]?.GetValue<string>());
        var scans = Covered("scan result", CosignArguments.Vuln, cosign.Scans, cosign.ScanRefusal, VulnPredicate.ManifestOf);
        return new DigestVerification(service, image, digest, tags, platforms, signatures, sboms, scans,
            platforms.Keys.Where(buildxAttested.Contains).ToList(), problems);

        IReadOnlyList<string> Covered(string what, string type, IReadOnlyList<AttestationStatement> statements, CosignRefusal? refusal, Func<System.Text.Json.Nodes.JsonNode?, string?> manifestOf)
        {
            foreach (var statement in statements)
            {
                if (statement.PredicateType != CosignArguments.PredicateType(type))
                    problems.Add($"{named}: an attestation cosign returned for --type {type} has predicate type {statement.PredicateType}.");
                if (statement.Subjects.Count == 0 || statement.Subjects.Any(s => s.Digest != digest))
                    problems.Add($"{named}: a {what} attestation is about {string.Join(", ", statement.Subjects.Select(s => s.Digest))}, not about this index digest.");
            }
            var manifests = statements.Where(s => s.Subjects.Any(x => x.Digest == digest)).Select(s => manifestOf(s.Predicate)).OfType<string>().ToHashSet();
            var covered = platforms.Where(p => manifests.Contains(p.Value)).Select(p => p.Key).ToList();
            var missing = platforms.Keys.Except(covered).ToList();
            if (missing.Count > 0)
                problems.Add($"{named} has no {what} attestation by {trusted.Describe()} for {string.Join(", ", missing.Select(p => $"{p} ({platforms[p]})"))}" +
                             (refusal is null ? "." : $": {refusal.Reason}"));
            return covered;
        }
    }
}
