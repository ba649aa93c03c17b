using Slipway.Build;

namespace Slipway.Containers.Publishing.Signing;

public enum CosignKeyKind
{
    /// <summary>cosign's encrypted private key (<c>cosign generate-key-pair</c>'s cosign.key).</summary>
    Private,

    /// <summary>A PEM public key (cosign.pub).</summary>
    Public,

    /// <summary>A key held by a KMS or other provider (<c>awskms://…</c>, <c>gcpkms://…</c>, <c>hashivault://…</c>, <c>k8s://…</c>): cosign signs and verifies with it.</summary>
    Provider,
}

/// <summary>
/// The key <c>--cosign-key</c> names: a file (relative to the root) or a provider reference, and which kind it is,
/// read from the PEM header, so that one parameter serves signing (a private key) and verifying (either).
/// </summary>
public sealed record CosignKey(string Reference, CosignKeyKind Kind)
{
    public static CosignKey Resolve(string value, string root)
    {
        if (value.Contains("://", StringComparison.Ordinal)) return new CosignKey(value, CosignKeyKind.Provider);
        var path = Path.GetFullPath(value, root);
        if (!File.Exists(path))
            throw new ParameterException($"Parameter 'CosignKey': {path} does not exist; expected cosign's private key (cosign.key), its public key (cosign.pub) or a KMS reference.");
        return new CosignKey(path, Classify(File.ReadAllText(path), $"Parameter 'CosignKey': {path}"));
    }

    /// <summary>The kind from the PEM header: <c>… PRIVATE KEY</c> or <c>PUBLIC KEY</c>.</summary>
    public static CosignKeyKind Classify(string pem, string source)
    {
        var header = pem.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("-----BEGIN ", StringComparison.Ordinal));
        return header switch
        {
            not null when header.EndsWith("PRIVATE KEY-----", StringComparison.Ordinal) => CosignKeyKind.Private,
            "-----BEGIN PUBLIC KEY-----" => CosignKeyKind.Public,
            _ => throw new ParameterException($"{source} is not a PEM key: expected '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----' (cosign.key) or '-----BEGIN PUBLIC KEY-----' (cosign.pub), found {(header is null ? "no PEM header" : $"'{header}'")}."),
        };
    }
}
