using Slipway.Build;
using Slipway.Containers.Publishing.Registry;
using Slipway.Containers.Publishing.Signing;
using Slipway.Containers.Publishing.Verification;

namespace Slipway.Containers.Publishing;

/// <summary>
/// Checks a published release the way the teams that pull it can: from the registry alone, with cosign. Every tag of the
/// version must name an index signed by the expected signer (the key, or the release workflow's certificate identity),
/// carrying for each platform a CycloneDX SBOM and a scan result attested by the same signer, about that very digest.
/// It runs after Publish, in a job of its own that can write nothing, and on its own for any published version.
/// </summary>
[WorkflowJob("verify")]
[WorkflowPermission("packages", "read")]
public interface IVerifyImages : IPushByDigest
{
    [Parameter("The version to publish or verify, e.g. 1.2.3 (default: from the git tag, branch or pull request)")]
    string? Version => TryGetValue(() => Version);

    [Parameter("How Publish signs the images with cosign and what VerifyImages trusts: Key (--cosign-key), Keyless (GitHub's OIDC token, in a workflow) or None; default Key when --cosign-key is given, else None")]
    SigningMode? Signing => TryGetValue<SigningMode?>(() => Signing);

    [Parameter("cosign's key: the private key (cosign.key) to sign with, or for VerifyImages either half, or a KMS reference (awskms://…)")]
    string? CosignKey => TryGetValue(() => CosignKey);

    [Parameter("Password of the cosign private key (it reaches cosign as COSIGN_PASSWORD, never as an argument)")]
    [Secret]
    string? CosignPassword => TryGetValue(() => CosignPassword);

    [Parameter("Keyless: the certificate identity the signatures must carry (default in a workflow: its own, https://github.com/OWNER/REPO/.github/workflows/FILE@REF)")]
    string? CertificateIdentity => TryGetValue(() => CertificateIdentity);

    [Parameter("Keyless: the OIDC issuer of the signing certificates (default: GitHub Actions', https://token.actions.githubusercontent.com)")]
    string? CertificateOidcIssuer => TryGetValue(() => CertificateOidcIssuer);

    /// <summary>artifacts/verification.json: the verdict per index digest and every problem found.</summary>
    AbsolutePath VerificationReportFile => ArtifactsDirectory / "verification.json";

    Target VerifyImages => _ => _
        .Description("Checks from the registry alone, with cosign, that every tag of the version names a signed index with signed SBOM and scan attestations; report in artifacts/verification.json")
        .Produces("artifacts/verification.json")
        .Validates(() => PublishInputs.ValidateVerification(this))
        .Executes(ct => new VerifyImagesRun(this).RunAsync(ct));
}
