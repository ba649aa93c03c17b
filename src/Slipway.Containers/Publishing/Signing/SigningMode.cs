namespace Slipway.Containers.Publishing.Signing;

/// <summary>How Publish signs the published images with cosign, and what VerifyImages trusts.</summary>
public enum SigningMode
{
    /// <summary>Nothing is signed.</summary>
    None,

    /// <summary>With a key pair (<c>--cosign-key</c>): locally or in any CI.</summary>
    Key,

    /// <summary>With a short-lived certificate for the workflow's identity, from GitHub's OIDC token (Sigstore's Fulcio and Rekor).</summary>
    Keyless,
}
