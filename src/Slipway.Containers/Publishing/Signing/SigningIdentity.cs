namespace Slipway.Containers.Publishing.Signing;

/// <summary>How cosign signs: with a private key (or a provider's key), or keyless with the workflow's OIDC token.</summary>
public abstract record Signer
{
    /// <summary>Signs with <paramref name="KeyReference"/>: a private key file, whose password cosign reads from COSIGN_PASSWORD, or a provider reference.</summary>
    public sealed record WithKey(string KeyReference) : Signer;

    /// <summary>Gets a certificate for the workflow's identity from its ambient OIDC token; the signature goes to the transparency log.</summary>
    public sealed record Keyless : Signer;
}

/// <summary>Whose signatures a verifier accepts.</summary>
public abstract record TrustedSigner
{
    public abstract string Describe();

    /// <summary>Signatures made with the key whose public half is <paramref name="KeyReference"/> (a PEM file or a provider reference).</summary>
    /// <param name="Label">How reports name the key when the file is a temporary one.</param>
    public sealed record Key(string KeyReference, string? Label = null) : TrustedSigner
    {
        public override string Describe() => Label ?? $"the key {KeyReference}";
    }

    /// <summary>Keyless signatures whose certificate names exactly <paramref name="Identity"/>, issued on a token from <paramref name="Issuer"/>.</summary>
    public sealed record Certificate(string Identity, string Issuer) : TrustedSigner
    {
        public override string Describe() => $"certificate identity {Identity} (issuer {Issuer})";
    }
}
