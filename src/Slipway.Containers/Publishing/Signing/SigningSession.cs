using System.Security.Cryptography;
using Slipway.Build.Logging;
using Slipway.Build.Processes;
using Slipway.Containers.Machine;
using Slipway.Containers.Publishing.Registry;

namespace Slipway.Containers.Publishing.Signing;

/// <summary>
/// cosign set up for one registry: its login folder, the key to sign with (a dry run's throw-away pair is made here),
/// and whom to trust when checking (a private key's public half is derived here). Everything it wrote is removed on dispose.
/// </summary>
public sealed class SigningSession : IDisposable
{
    /// <summary>cosign from Debian trixie on Debian 12 (bookworm has none), installed by Restore's rules when a run signs or verifies.</summary>
    public static readonly RequiredTool Tool = new(Cosign.Executable, "cosign", FromNewerRelease: true);

    private readonly RegistryAuthFolder _auth;
    private readonly string _keys;

    private SigningSession(RegistryAuthFolder auth, string keys, Cosign cosign)
    {
        _auth = auth;
        _keys = keys;
        Cosign = cosign;
    }

    public Cosign Cosign { get; }

    /// <summary>Null when the session only verifies.</summary>
    public Signer? Signer { get; private set; }

    public TrustedSigner Trusted { get; private set; } = null!;

    public static async Task<SigningSession> ForPublishAsync(
        PublishSigning signing, ProcessRunner processes, SecretMasker masker, RegistryAddress address, RegistryCredentials? credentials, string? keyPassword,
        CancellationToken cancellationToken)
    {
        if (signing.Mode == SigningMode.None) throw new ArgumentException("Nothing is signed with --signing None.", nameof(signing));
        var password = keyPassword;
        if (signing.GeneratesKey)
        {
            password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            masker.Add(password);
        }
        var session = Start(processes, address, credentials, password);
        try
        {
            if (signing.Mode == SigningMode.Keyless)
            {
                session.Signer = new Signer.Keyless();
                session.Trusted = signing.Certificate!;
                return session;
            }
            var key = signing.Key;
            var label = key is null ? "the dry run's throw-away key" : null;
            if (key is null)
            {
                await session.Cosign.GenerateKeyPairAsync(session._keys, cancellationToken);
                key = new CosignKey(Path.Combine(session._keys, "cosign.key"), CosignKeyKind.Private);
            }
            session.Signer = new Signer.WithKey(key.Reference);
            session.Trusted = await session.TrustAsync(key, label, cancellationToken);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public static async Task<SigningSession> ForVerifyAsync(
        CosignKey? key, TrustedSigner.Certificate? certificate, ProcessRunner processes, RegistryAddress address, RegistryCredentials? credentials, string? keyPassword,
        CancellationToken cancellationToken)
    {
        var session = Start(processes, address, credentials, keyPassword);
        try
        {
            session.Trusted = certificate ?? await session.TrustAsync(key ?? throw new ArgumentNullException(nameof(key)), null, cancellationToken);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>cosign verifies with a public key: a private key's public half is written beside the session's keys.</summary>
    private async Task<TrustedSigner> TrustAsync(CosignKey key, string? label, CancellationToken cancellationToken)
    {
        if (key.Kind != CosignKeyKind.Private) return new TrustedSigner.Key(key.Reference, label);
        var file = Path.Combine(_keys, "trusted.pub");
        await Cosign.WritePublicKeyAsync(key.Reference, file, cancellationToken);
        return new TrustedSigner.Key(file, label ?? $"the public key of {key.Reference}");
    }

    private static SigningSession Start(ProcessRunner processes, RegistryAddress address, RegistryCredentials? credentials, string? keyPassword)
    {
        var auth = RegistryAuthFolder.Create(address, credentials);
        var keys = Directory.CreateTempSubdirectory("slipway-cosign-keys-").FullName;
        return new SigningSession(auth, keys, new Cosign(processes, auth, keyPassword));
    }

    public void Dispose()
    {
        _auth.Dispose();
        if (Directory.Exists(_keys)) Directory.Delete(_keys, recursive: true);
    }
}
