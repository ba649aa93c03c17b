namespace Slipway.Containers.Publishing.Signing;

/// <summary>
/// cosign's command lines. No secret is ever an argument: the key's password goes in COSIGN_PASSWORD and the registry
/// login in a DOCKER_CONFIG folder (see <see cref="Cosign"/>). A key pair's signatures stay out of the public
/// transparency log (the key is the trust root, and a private registry's names should not be published), so they are
/// verified without it; keyless signatures are logged and verified against the log.
/// </summary>
public static class CosignArguments
{
    public const string CycloneDx = "cyclonedx";
    public const string Vuln = "vuln";

    /// <summary>The in-toto predicate types cosign writes for <c>--type cyclonedx</c> and <c>--type vuln</c>.</summary>
    public static string PredicateType(string type) => type switch
    {
        CycloneDx => "https://cyclonedx.org/bom",
        Vuln => "https://cosign.sigstore.dev/attestation/vuln/v1",
        _ => throw new ArgumentException($"'{type}' is not an attestation type Slipway attaches.", nameof(type)),
    };

    public static IReadOnlyList<string> Sign(Signer signer, string reference) =>
        ["sign", "--yes", .. SignerOptions(signer), reference];

    public static IReadOnlyList<string> Attest(Signer signer, string reference, string type, string predicateFile) =>
        ["attest", "--yes", .. SignerOptions(signer), "--type", type, "--predicate", predicateFile, reference];

    public static IReadOnlyList<string> Verify(TrustedSigner trusted, string reference) =>
        ["verify", .. TrustOptions(trusted), "--output", "json", reference];

    public static IReadOnlyList<string> VerifyAttestation(TrustedSigner trusted, string reference, string type) =>
        ["verify-attestation", .. TrustOptions(trusted), "--type", type, "--output", "json", reference];

    /// <summary>Writes the public half of a private key to standard output.</summary>
    public static IReadOnlyList<string> PublicKey(string privateKey) => ["public-key", "--key", privateKey];

    /// <summary>Writes cosign.key and cosign.pub into the working directory.</summary>
    public static IReadOnlyList<string> GenerateKeyPair() => ["generate-key-pair"];

    private static IReadOnlyList<string> SignerOptions(Signer signer) => signer switch
    {
        Signer.WithKey key => ["--key", key.KeyReference, "--tlog-upload=false"],
        Signer.Keyless => [],
        _ => throw new ArgumentOutOfRangeException(nameof(signer)),
    };

    private static IReadOnlyList<string> TrustOptions(TrustedSigner trusted) => trusted switch
    {
        TrustedSigner.Key key => ["--key", key.KeyReference, "--insecure-ignore-tlog=true"],
        TrustedSigner.Certificate certificate => ["--certificate-identity", certificate.Identity, "--certificate-oidc-issuer", certificate.Issuer],
        _ => throw new ArgumentOutOfRangeException(nameof(trusted)),
    };
}
