using System.Text;
using System.Text.Json.Nodes;
using Slipway.Containers.Publishing.Signing;
using Slipway.Containers.Publishing.Verification;
using static Slipway.Containers.Tests.Publishing.PushReports;

namespace Slipway.Containers.Tests.Publishing.Signing;

/// <summary>cosign's answers about one index digest, judged: a problem names the tags that point at it.</summary>
public sealed class VerificationTests
{
    private const string Image = "ghcr.io/acme/api";
    private static readonly TrustedSigner Trusted = new TrustedSigner.Key("/k/cosign.pub");
    private static readonly Dictionary<string, string> Platforms = new() { ["linux/amd64"] = Digest('a'), ["linux/arm64"] = Digest('b') };

    private static AttestationStatement Sbom(string subject, string manifest) =>
        new("https://cyclonedx.org/bom", [new StatementSubject(Image, subject)], new JsonObject { ["metadata"] = new JsonObject { ["component"] = new JsonObject { ["version"] = manifest } } });

    private static AttestationStatement Scan(string subject, string manifest) =>
        new("https://cosign.sigstore.dev/attestation/vuln/v1", [new StatementSubject(Image, subject)], new JsonObject { ["scanner"] = new JsonObject { ["result"] = new JsonObject { ["manifest"] = manifest } } });

    private static CosignFindings Complete(string digest) => new(
        new VerifiedSignatures([digest]), null,
        [Sbom(digest, Digest('a')), Sbom(digest, Digest('b'))], null,
        [Scan(digest, Digest('a')), Scan(digest, Digest('b'))], null);

    private static DigestVerification Evaluate(CosignFindings findings, params string[] tags) =>
        DigestVerification.Evaluate("api", Image, Digest('i'), tags, Platforms, ["linux/amd64"], Trusted, findings);

    [Fact]
    public void A_signed_index_with_every_platforms_sbom_and_scan_passes()
    {
        var verdict = Evaluate(Complete(Digest('i')), "1.2.3", "latest");

        Assert.True(verdict.Passed, string.Join("\n", verdict.Problems));
        Assert.Equal(1, verdict.Signatures);
        Assert.Equal(["linux/amd64", "linux/arm64"], verdict.SbomPlatforms);
        Assert.Equal(["linux/amd64", "linux/arm64"], verdict.ScanPlatforms);
        Assert.Equal(["linux/amd64"], verdict.BuildxAttested);
    }

    [Fact]
    public void An_unsigned_digest_is_named_by_the_tags_that_point_at_it()
    {
        var verdict = Evaluate(new CosignFindings(null, new CosignRefusal("no signatures found"), [], new CosignRefusal("no matching attestations"), [], null), "1.2");

        Assert.False(verdict.Passed);
        Assert.Equal($"{Image}:1.2 → {Digest('i')} is not signed by the key /k/cosign.pub: no signatures found", verdict.Problems[0]);
        Assert.Contains(verdict.Problems, p => p.Contains("has no CycloneDX SBOM attestation by the key /k/cosign.pub for linux/amd64") && p.EndsWith(": no matching attestations"));
        Assert.Contains(verdict.Problems, p => p.Contains("has no scan result attestation") && p.Contains($"linux/arm64 ({Digest('b')})"));
    }

    [Fact]
    public void An_attestation_about_another_digest_or_a_missing_platform_is_a_problem()
    {
        var findings = Complete(Digest('i')) with { Sboms = [Sbom(Digest('i'), Digest('a')), Sbom(Digest('x'), Digest('b'))] };

        var verdict = Evaluate(findings, "1");

        Assert.Contains(verdict.Problems, p => p == $"{Image}:1 → {Digest('i')}: a CycloneDX SBOM attestation is about {Digest('x')}, not about this index digest.");
        Assert.Contains(verdict.Problems, p => p.Contains("has no CycloneDX SBOM attestation") && p.Contains("linux/arm64"));
        Assert.Equal(["linux/amd64"], verdict.SbomPlatforms);
    }

    [Fact]
    public void A_signature_over_another_digest_does_not_count()
    {
        var verdict = Evaluate(Complete(Digest('i')) with { Signatures = new VerifiedSignatures([Digest('x')]) }, "latest");

        Assert.Equal(0, verdict.Signatures);
        Assert.Contains(verdict.Problems, p => p.Contains($"the signatures cosign accepted are over {Digest('x')}, not over this digest"));
    }

    [Fact]
    public void Cosigns_envelopes_are_read_into_statements()
    {
        var statement = $$$"""{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"https://cyclonedx.org/bom","subject":[{"name":"{{{Image}}}","digest":{"sha256":"{{{new string('i', 64)}}}"}}],"predicate":{"bomFormat":"CycloneDX"}}""";
        var envelope = new JsonObject { ["payloadType"] = "application/vnd.in-toto+json", ["payload"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(statement)), ["signatures"] = new JsonArray() };

        var read = Assert.Single(AttestationStatement.ParseEnvelopes(envelope.ToJsonString() + "\n"));

        Assert.Equal("https://cyclonedx.org/bom", read.PredicateType);
        Assert.Equal([new StatementSubject(Image, Digest('i'))], read.Subjects);
        Assert.Equal("CycloneDX", read.Predicate!["bomFormat"]!.GetValue<string>());

        envelope["payloadType"] = "text/plain";
        Assert.Contains("envelope 1: payloadType is 'text/plain'", Assert.Throws<InvalidDataException>(() => AttestationStatement.ParseEnvelopes(envelope.ToJsonString())).Message);
    }

    [Fact]
    public void Cosigns_verified_signatures_name_the_digests_they_cover()
    {
        var output = $$$"""[{"critical":{"identity":{"docker-reference":"{{{Image}}}"},"image":{"docker-manifest-digest":"{{{Digest('i')}}}"},"type":"cosign container image signature"},"optional":null}]""";

        Assert.Equal([Digest('i')], VerifiedSignatures.Parse(output + "\n").SignedDigests);
        Assert.Throws<InvalidDataException>(() => VerifiedSignatures.Parse("Verification for ... --"));
    }
}
