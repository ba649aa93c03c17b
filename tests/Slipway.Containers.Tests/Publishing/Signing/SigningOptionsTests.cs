using Slipway.Build;
using Slipway.Containers.Publishing.Signing;

namespace Slipway.Containers.Tests.Publishing.Signing;

/// <summary>The signing parameters read into what Publish signs with and VerifyImages trusts; each mistake is named before anything is pushed.</summary>
public sealed class SigningOptionsTests : IDisposable
{
    private const string PrivatePem = "-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\nabc\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n";
    private const string PublicPem = "-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----\n";

    private readonly string _root = Directory.CreateTempSubdirectory("slipway-signing-").FullName;
    private static readonly Dictionary<string, string> NoEnvironment = [];

    private static readonly Dictionary<string, string> SigningJob = new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["ACTIONS_ID_TOKEN_REQUEST_URL"] = "https://token.example.invalid/",
        ["GITHUB_SERVER_URL"] = "https://github.com",
        ["GITHUB_WORKFLOW_REF"] = "acme/shop/.github/workflows/release.yml@refs/tags/v1.2.3",
    };

    private string Write(string name, string content)
    {
        File.WriteAllText(Path.Combine(_root, name), content);
        return name;
    }

    [Theory]
    [InlineData(null, null, SigningMode.None)]
    [InlineData(null, "cosign.key", SigningMode.Key)]
    [InlineData(SigningMode.None, "cosign.key", SigningMode.None)]
    [InlineData(SigningMode.Keyless, null, SigningMode.Keyless)]
    public void The_mode_is_the_given_one_else_key_when_a_key_is_named(SigningMode? given, string? key, SigningMode expected) =>
        Assert.Equal(expected, SigningOptions.Mode(given, key));

    [Fact]
    public void A_private_key_relative_to_the_root_signs()
    {
        var signing = SigningOptions.ForPublish(SigningMode.Key, Write("cosign.key", PrivatePem), null, null, _root, dryRun: false, NoEnvironment);

        Assert.Equal(new CosignKey(Path.Combine(_root, "cosign.key"), CosignKeyKind.Private), signing.Key);
        Assert.False(signing.GeneratesKey);
    }

    [Fact]
    public void Only_a_dry_run_signs_without_a_key_with_a_throw_away_pair()
    {
        Assert.True(SigningOptions.ForPublish(SigningMode.Key, null, null, null, _root, dryRun: true, NoEnvironment).GeneratesKey);
        var e = Assert.Throws<ParameterException>(() => SigningOptions.ForPublish(SigningMode.Key, null, null, null, _root, dryRun: false, NoEnvironment));
        Assert.Contains("Parameter 'Signing' is Key, but no --cosign-key is given", e.Message);
    }

    [Theory]
    [InlineData("cosign.pub", PublicPem, "is a public key; signing needs the private key")]
    [InlineData("notes.txt", "hello", "is not a PEM key")]
    public void A_key_that_cannot_sign_is_named(string name, string content, string expected)
    {
        var e = Assert.Throws<ParameterException>(() => SigningOptions.ForPublish(SigningMode.Key, Write(name, content), null, null, _root, dryRun: false, NoEnvironment));
        Assert.Contains($"Parameter 'CosignKey': {Path.Combine(_root, name)}", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_missing_key_file_is_named()
    {
        var e = Assert.Throws<ParameterException>(() => SigningOptions.ForPublish(SigningMode.Key, "keys/none.key", null, null, _root, dryRun: false, NoEnvironment));
        Assert.Contains($"{Path.Combine(_root, "keys", "none.key")} does not exist", e.Message);
    }

    [Fact]
    public void A_providers_key_is_passed_on_as_it_is() =>
        Assert.Equal(new CosignKey("awskms:///alias/release", CosignKeyKind.Provider),
            SigningOptions.ForPublish(SigningMode.Key, "awskms:///alias/release", null, null, _root, dryRun: false, NoEnvironment).Key);

    [Fact]
    public void Keyless_signs_under_the_workflows_own_identity_in_a_job_that_has_a_token()
    {
        var signing = SigningOptions.ForPublish(SigningMode.Keyless, null, null, null, _root, dryRun: false, SigningJob);

        Assert.Equal(new TrustedSigner.Certificate("https://github.com/acme/shop/.github/workflows/release.yml@refs/tags/v1.2.3", SigningOptions.GitHubIssuer),
            signing.Certificate);
    }

    [Fact]
    public void Keyless_without_a_token_or_on_a_dry_run_is_refused()
    {
        var noToken = new Dictionary<string, string>(SigningJob);
        noToken.Remove("ACTIONS_ID_TOKEN_REQUEST_URL");
        Assert.Contains("id-token: write", Assert.Throws<ParameterException>(() => SigningOptions.ForPublish(SigningMode.Keyless, null, null, null, _root, false, noToken)).Message);
        Assert.Contains("dry run", Assert.Throws<ParameterException>(() => SigningOptions.ForPublish(SigningMode.Keyless, null, null, null, _root, true, SigningJob)).Message);
    }

    [Fact]
    public void Verifying_takes_either_half_of_the_key_or_a_given_identity_and_needs_one_of_them()
    {
        Assert.Equal(CosignKeyKind.Public, SigningOptions.ForVerify(SigningMode.Key, Write("cosign.pub", PublicPem), null, null, _root, NoEnvironment).Key!.Kind);
        Assert.Equal(CosignKeyKind.Private, SigningOptions.ForVerify(SigningMode.Key, Write("cosign.key", PrivatePem), null, null, _root, NoEnvironment).Key!.Kind);

        var (_, certificate) = SigningOptions.ForVerify(SigningMode.Keyless, null, "https://github.com/acme/shop/.github/workflows/release.yml@refs/tags/v1.0.0", "https://issuer.example", _root, NoEnvironment);
        Assert.Equal(new TrustedSigner.Certificate("https://github.com/acme/shop/.github/workflows/release.yml@refs/tags/v1.0.0", "https://issuer.example"), certificate);

        Assert.Contains("nothing to verify against", Assert.Throws<ParameterException>(() => SigningOptions.ForVerify(SigningMode.None, null, null, null, _root, NoEnvironment)).Message);
        Assert.Contains("Parameter 'CertificateIdentity' is not given", Assert.Throws<ParameterException>(() => SigningOptions.ForVerify(SigningMode.Keyless, null, null, null, _root, NoEnvironment)).Message);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
