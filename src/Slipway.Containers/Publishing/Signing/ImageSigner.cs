using System.Text.Json.Nodes;
using System.Text.Json;
using Serilog;
using Slipway.Containers.Images;
using Slipway.Containers.Publishing.Attestations;
using Slipway.Containers.Publishing.Registry;
using Slipway.Containers.Publishing.Verification;

namespace Slipway.Containers.Publishing.Signing;

/// <summary>
/// Signs each placed index by its digest (never a tag, which could move between signing and pulling) and attaches, as
/// in-toto attestations signed the same way, each platform's CycloneDX SBOM and cosign vulnerability predicate. What is
/// there already, signed by the same signer, is left alone: publishing the same version again adds nothing.
/// </summary>
public sealed class ImageSigner(Cosign cosign, Signer signer, TrustedSigner trusted, string workDirectory, ILogger log)
{
    public async Task SignAsync(IReadOnlyList<PlacedImage> images, IReadOnlyList<PlatformEvidence> evidence, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(workDirectory);
        foreach (var image in images)
        {
            var reference = image.PinnedReference;
            var (signatures, _) = await cosign.VerifyAsync(trusted, reference, cancellationToken);
            if (signatures is not null && signatures.SignedDigests.Contains(image.Digest))
                log.Information("{Reference} is already signed by {Signer}", reference, trusted.Describe());
            else
            {
                log.Information("Signing {Reference}", reference);
                await cosign.SignAsync(signer, reference, cancellationToken);
            }

            var platforms = image.Platforms.Select(p => evidence.Single(e => e.Service == image.Service && e.ManifestDigest == p.Digest)).ToList();
            var sboms = await AttestedAsync(reference, image.Digest, CosignArguments.CycloneDx, p => p?["metadata"]?["component"]?["version"]?.GetValue<string>(), cancellationToken);
            foreach (var platform in platforms.Where(p => !sboms.Contains(p.ManifestDigest)))
            {
                log.Information("Attesting {Reference}: CycloneDX SBOM of {Platform} ({File})", reference, platform.Platform, Path.GetFileName(platform.SbomFile));
                await cosign.AttestAsync(signer, reference, CosignArguments.CycloneDx, platform.SbomFile, cancellationToken);
            }

            var scans = await AttestedAsync(reference, image.Digest, CosignArguments.Vuln, VulnPredicate.ManifestOf, cancellationToken);
            foreach (var platform in platforms.Where(p => !scans.Contains(p.ManifestDigest)))
            {
                var file = Path.Combine(workDirectory, $"{image.Service}.{PlatformName.Of(platform.Platform).Slug}.vuln.json");
                await File.WriteAllTextAsync(file, platform.VulnPredicate.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
                var count = (platform.VulnPredicate["scanner"]?["result"]?["findings"] as JsonArray)?.Count ?? 0;
                log.Information("Attesting {Reference}: scan result of {Platform} ({Count} findings)", reference, platform.Platform, count);
                await cosign.AttestAsync(signer, reference, CosignArguments.Vuln, file, cancellationToken);
            }
        }
    }

    /// <summary>The platform manifests already covered by <paramref name="type"/> attestations of this digest that the signer made.</summary>
    private async Task<IReadOnlySet<string>> AttestedAsync(
        string reference, string digest, string type, Func<JsonNode?, string?> manifestOf, CancellationToken cancellationToken)
    {
        var (statements, _) = await cosign.VerifyAttestationsAsync(trusted, reference, type, cancellationToken);
        return statements
            .Where(s => s.PredicateType == CosignArguments.PredicateType(type) && s.Subjects.Any(subject => subject.Digest == digest))
            .Select(s => manifestOf(s.Predicate))
            .OfType<string>()
            .ToHashSet();
    }
}
