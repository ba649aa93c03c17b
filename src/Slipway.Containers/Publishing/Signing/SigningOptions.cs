using Slipway.Build;

namespace Slipway.Containers.Publishing.Signing;

/// <summary>What Publish signs with, checked before anything is pushed.</summary>
/// <param name="Key">The key to sign with; null with <see cref="SigningMode.Key"/> on a dry run, which signs with a throw-away pair.</param>
/// <param name="Certificate">With <see cref="SigningMode.Keyless"/>: the identity the signatures must carry.</param>
public sealed record PublishSigning(SigningMode Mode, CosignKey? Key, TrustedSigner.Certificate? Certificate)
{
    public bool GeneratesKey => Mode == SigningMode.Key && Key is null;
}

/// <summary>
/// Reads the signing parameters (<c>--signing</c>, <c>--cosign-key</c>, <c>--certificate-identity</c>,
/// <c>--certificate-oidc-issuer</c>) and the environment into what Publish signs with and what VerifyImages trusts;
/// every error names the parameter and what was expected.
/// </summary>
public static class SigningOptions
{
    /// <summary>The issuer of GitHub Actions' OIDC tokens.</summary>
    public const string GitHubIssuer = "https://token.actions.githubusercontent.com";

    /// <summary>A job with <c>id-token: write</c> gets this variable; without it there is no token to sign keyless with.</summary>
    public const string OidcRequestUrl = "ACTIONS_ID_TOKEN_REQUEST_URL";

    /// <summary>--signing, else Key when --cosign-key is given, else None.</summary>
    public static SigningMode Mode(SigningMode? given, string? key) => given ?? (key is { Length: > 0 } ? SigningMode.Key : SigningMode.None);

    public static PublishSigning ForPublish(
        SigningMode mode, string? key, string? identity, string? issuer, string root, bool dryRun, IReadOnlyDictionary<string, string> environment)
    {
        switch (mode)
        {
            case SigningMode.None:
                return new PublishSigning(mode, null, null);
            case SigningMode.Key when key is not { Length: > 0 }:
                return dryRun
                    ? new PublishSigning(mode, null, null)
                    : throw new ParameterException("Parameter 'Signing' is Key, but no --cosign-key is given: name cosign's private key (cosign generate-key-pair writes cosign.key), and its password with --cosign-password or COSIGN_PASSWORD.");
            case SigningMode.Key:
                var resolved = CosignKey.Resolve(key, root);
                return resolved.Kind == CosignKeyKind.Public
                    ? throw new ParameterException($"Parameter 'CosignKey': {resolved.Reference} is a public key; signing needs the private key (cosign.key). VerifyImages accepts either.")
                    : new PublishSigning(mode, resolved, null);
            case SigningMode.Keyless when dryRun:
                throw new ParameterException("Parameter 'Signing' is Keyless, but this is a dry run (no --registry): keyless signatures go to the public transparency log; a dry run signs with a throw-away key pair (--signing Key).");
            case SigningMode.Keyless when environment.GetValueOrDefault(OidcRequestUrl) is not { Length: > 0 }:
                throw new ParameterException($"Parameter 'Signing' is Keyless, but there is no OIDC token to sign with ({OidcRequestUrl} is not set): run Publish in a GitHub Actions job with 'permissions: id-token: write', or sign with --cosign-key.");
            case SigningMode.Keyless:
                return new PublishSigning(mode, null, Certificate(identity, issuer, environment));
            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, null);
        }
    }

    /// <summary>What VerifyImages checks signatures against: the key (public or private half, or a provider's), or the workflow's certificate identity.</summary>
    public static (CosignKey? Key, TrustedSigner.Certificate? Certificate) ForVerify(
        SigningMode mode, string? key, string? identity, string? issuer, string root, IReadOnlyDictionary<string, string> environment) => mode switch
    {
        SigningMode.None => throw new ParameterException(
            "VerifyImages has nothing to verify against: give --cosign-key (cosign.pub, or cosign.key with its password), or --signing Keyless with --certificate-identity."),
        SigningMode.Key when key is not { Length: > 0 } => throw new ParameterException(
            "Parameter 'Signing' is Key, but no --cosign-key is given: name the public key (cosign.pub) or the private key the images were signed with."),
        SigningMode.Key => (CosignKey.Resolve(key, root), null),
        _ => (null, Certificate(identity, issuer, environment)),
    };

    /// <summary>
    /// --certificate-identity, else this workflow's own (GitHub puts the workflow file and ref in the certificate:
    /// <c>https://github.com/OWNER/REPO/.github/workflows/release.yml@refs/tags/v1.2.3</c>); the issuer defaults to GitHub's.
    /// </summary>
    public static TrustedSigner.Certificate Certificate(string? identity, string? issuer, IReadOnlyDictionary<string, string> environment)
    {
        var workflowRef = environment.GetValueOrDefault("GITHUB_WORKFLOW_REF");
        var server = environment.GetValueOrDefault("GITHUB_SERVER_URL") is { Length: > 0 } url ? url.TrimEnd('/') : "https://github.com";
        var expected = identity is { Length: > 0 } ? identity
            : workflowRef is { Length: > 0 } ? $"{server}/{workflowRef}"
            : throw new ParameterException(
                "Parameter 'CertificateIdentity' is not given and this is not a GitHub Actions run (GITHUB_WORKFLOW_REF is not set): give the identity the release workflow signed with, " +
                "e.g. https://github.com/OWNER/REPO/.github/workflows/release.yml@refs/tags/v1.2.3.");
        return new TrustedSigner.Certificate(expected, issuer is { Length: > 0 } ? issuer : GitHubIssuer);
    }
}
