using System.Text.Json.Nodes;
using Serilog;
using Slipway.Containers.Building;
using Slipway.Containers.Images;
using Slipway.Containers.Publishing.Registry;
using Slipway.Containers.Publishing.Signing;

namespace Slipway.Containers.Publishing.Verification;

/// <summary>
/// Verifies a release from the registry alone: each tag is resolved to its digest through the registry's API, then
/// cosign checks the signature of that digest and its SBOM and scan attestations against the trusted signer.
/// </summary>
public sealed class ImageVerifier(Cosign cosign, TrustedSigner trusted, RegistryClient registry, RegistryAddress address, ILogger log)
{
    public async Task<VerificationResult> VerifyAsync(IReadOnlyList<ServiceTags> services, CancellationToken cancellationToken)
    {
        var digests = new List<DigestVerification>();
        var missing = new List<string>();
        foreach (var (service, tags) in services)
        {
            var repository = address.RepositoryOf(service);
            var image = address.ImageOf(service);
            var pointed = new List<(string Tag, string Digest)>();
            foreach (var tag in tags)
            {
                if (await registry.ResolveAsync(repository, tag, cancellationToken) is { } digest) pointed.Add((tag, digest));
                else missing.Add($"{image}:{tag} is not in the registry.");
            }

            foreach (var group in pointed.GroupBy(p => p.Digest))
            {
                var digest = group.Key;
                var reference = $"{image}@{digest}";
                var manifest = await registry.GetManifestAsync(repository, digest, cancellationToken)
                               ?? throw new RegistryException($"{reference} vanished from the registry while it was verified.");
                var index = manifest.IsIndex ? JsonNode.Parse(manifest.Content) as JsonObject : null;
                var platforms = index is null ? new Dictionary<string, string>() : OciIndex.PlatformEntries(index).ToDictionary(e => e.Platform, e => e.Digest);
                var buildx = index is null ? [] : OciIndex.AttestationEntries(index).Keys.Select(d => platforms.FirstOrDefault(p => p.Value == d).Key).OfType<string>().ToList();

                log.Information("Verifying {Reference} ({Tags})", reference, string.Join(", ", group.Select(g => g.Tag)));
                var (signatures, signatureRefusal) = await cosign.VerifyAsync(trusted, reference, cancellationToken);
                var (sboms, sbomRefusal) = await cosign.VerifyAttestationsAsync(trusted, reference, CosignArguments.CycloneDx, cancellationToken);
                var (scans, scanRefusal) = await cosign.VerifyAttestationsAsync(trusted, reference, CosignArguments.Vuln, cancellationToken);
                var verdict = DigestVerification.Evaluate(service, image, digest, group.Select(g => g.Tag).ToList(), platforms, buildx, trusted,
                    new CosignFindings(signatures, signatureRefusal, sboms, sbomRefusal, scans, scanRefusal));
                if (index is null)
                    verdict = verdict with { Problems = [$"{reference} is a single manifest, not the multi-platform index Publish pushes.", .. verdict.Problems] };
                digests.Add(verdict);
            }
        }
        return new VerificationResult(address.ToString(), trusted.Describe(), digests, missing);
    }
}
