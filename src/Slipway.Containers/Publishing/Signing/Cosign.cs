using Slipway.Build.Processes;
using Slipway.Containers.Publishing.Verification;

namespace Slipway.Containers.Publishing.Signing;

/// <summary>What cosign said when it refused: its last line of error output names the reason.</summary>
public sealed record CosignRefusal(string Reason);

/// <summary>
/// Runs cosign against one registry: the registry login comes from <paramref name="auth"/> (DOCKER_CONFIG) and a private
/// key's password from COSIGN_PASSWORD, never from the command line. Without a password COSIGN_PASSWORD is empty, so cosign
/// never waits for one on a terminal.
/// </summary>
public sealed class Cosign(ProcessRunner processes, RegistryAuthFolder auth, string? keyPassword)
{
    public const string Executable = "cosign";

    public Task SignAsync(Signer signer, string reference, CancellationToken cancellationToken) =>
        RunAsync(CosignArguments.Sign(signer, reference), quiet: false, cancellationToken);

    public Task AttestAsync(Signer signer, string reference, string type, string predicateFile, CancellationToken cancellationToken) =>
        RunAsync(CosignArguments.Attest(signer, reference, type, predicateFile), quiet: false, cancellationToken);

    /// <summary>The signatures of <paramref name="reference"/> that <paramref name="trusted"/> made, as cosign verified them, or why there are none.</summary>
    public async Task<(VerifiedSignatures? Signatures, CosignRefusal? Refusal)> VerifyAsync(TrustedSigner trusted, string reference, CancellationToken cancellationToken)
    {
        var result = await RunAsync(CosignArguments.Verify(trusted, reference), quiet: true, cancellationToken, throwOnError: false);
        return result.Succeeded ? (VerifiedSignatures.Parse(result.StandardOutput), null) : (null, Refusal(result));
    }

    /// <summary>The in-toto statements of <paramref name="type"/> attached to <paramref name="reference"/> that <paramref name="trusted"/> signed, or why there are none.</summary>
    public async Task<(IReadOnlyList<AttestationStatement> Statements, CosignRefusal? Refusal)> VerifyAttestationsAsync(
        TrustedSigner trusted, string reference, string type, CancellationToken cancellationToken)
    {
        var result = await RunAsync(CosignArguments.VerifyAttestation(trusted, reference, type), quiet: true, cancellationToken, throwOnError: false);
        return result.Succeeded ? (AttestationStatement.ParseEnvelopes(result.StandardOutput), null) : ([], Refusal(result));
    }

    /// <summary>Writes the public half of <paramref name="privateKey"/> to <paramref name="file"/>.</summary>
    public async Task WritePublicKeyAsync(string privateKey, string file, CancellationToken cancellationToken)
    {
        var result = await RunAsync(CosignArguments.PublicKey(privateKey), quiet: true, cancellationToken);
        await File.WriteAllTextAsync(file, result.StandardOutput, cancellationToken);
    }

    /// <summary>Generates cosign.key (encrypted with the password this runner was given) and cosign.pub in <paramref name="directory"/>.</summary>
    public Task GenerateKeyPairAsync(string directory, CancellationToken cancellationToken) =>
        RunAsync(CosignArguments.GenerateKeyPair(), quiet: false, cancellationToken, directory: directory);

    private async Task<ProcessResult> RunAsync(
        IReadOnlyList<string> arguments, bool quiet, CancellationToken cancellationToken, bool throwOnError = true, string? directory = null)
    {
        try
        {
            return await processes.RunAsync(Executable, arguments, new ProcessOptions
            {
                Environment = new Dictionary<string, string?> { ["DOCKER_CONFIG"] = auth.Path, ["COSIGN_PASSWORD"] = keyPassword ?? "" },
                Quiet = quiet,
                ThrowOnError = throwOnError,
                WorkingDirectory = directory,
            }, cancellationToken);
        }
        catch (ProcessFailedException e)
        {
            throw new SigningException(e.Message, e);
        }
    }

    private static CosignRefusal Refusal(ProcessResult result) =>
        new(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .LastOrDefault(l => l.StartsWith("Error:", StringComparison.Ordinal))?["Error:".Length..].Trim().TrimEnd(':')
            ?? result.StandardError.Trim().Split('\n').LastOrDefault()?.Trim()
            ?? $"cosign exited with code {result.ExitCode}");
}
