using System.Text;
using System.Text.Json.Nodes;
using Slipway.Containers.Publishing.Registry;
using Slipway.Containers.Publishing.Signing;

namespace Slipway.Containers.Tests.Publishing.Signing;

/// <summary>cosign's command lines carry references and options only: passwords travel in COSIGN_PASSWORD and a DOCKER_CONFIG file.</summary>
public sealed class CosignArgumentsTests
{
    private const string Reference = "ghcr.io/acme/api@sha256:0000000000000000000000000000000000000000000000000000000000000000";

    [Fact]
    public void A_key_pair_signs_by_digest_outside_the_public_log_and_verifies_without_it()
    {
        Assert.Equal(["sign", "--yes", "--key", "/k/cosign.key", "--tlog-upload=false", Reference], CosignArguments.Sign(new Signer.WithKey("/k/cosign.key"), Reference));
        Assert.Equal(["attest", "--yes", "--key", "/k/cosign.key", "--tlog-upload=false", "--type", "cyclonedx", "--predicate", "/a/sbom.json", Reference],
            CosignArguments.Attest(new Signer.WithKey("/k/cosign.key"), Reference, "cyclonedx", "/a/sbom.json"));
        Assert.Equal(["verify", "--key", "/k/cosign.pub", "--insecure-ignore-tlog=true", "--output", "json", Reference], CosignArguments.Verify(new TrustedSigner.Key("/k/cosign.pub"), Reference));
    }

    [Fact]
    public void Keyless_signs_with_the_ambient_token_and_verifies_the_certificates_identity_and_issuer()
    {
        Assert.Equal(["sign", "--yes", Reference], CosignArguments.Sign(new Signer.Keyless(), Reference));
        var trusted = new TrustedSigner.Certificate("https://github.com/acme/shop/.github/workflows/release.yml@refs/tags/v1.2.3", SigningOptions.GitHubIssuer);
        Assert.Equal(
            ["verify-attestation", "--certificate-identity", trusted.Identity, "--certificate-oidc-issuer", SigningOptions.GitHubIssuer, "--type", "vuln", "--output", "json", Reference],
            CosignArguments.VerifyAttestation(trusted, Reference, "vuln"));
    }

    [Fact]
    public void The_predicate_types_are_cosigns()
    {
        Assert.Equal("https://cyclonedx.org/bom", CosignArguments.PredicateType(CosignArguments.CycloneDx));
        Assert.Equal("https://cosign.sigstore.dev/attestation/vuln/v1", CosignArguments.PredicateType(CosignArguments.Vuln));
        Assert.Throws<ArgumentException>(() => CosignArguments.PredicateType("spdx"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_registry_login_is_a_config_file_readable_by_its_owner_alone_and_gone_afterwards()
    {
        var address = RegistryAddress.Parse("localhost:5000/acme");
        string folder;
        using (var auth = RegistryAuthFolder.Create(address, new RegistryCredentials("publisher", "s3cret")))
        {
            folder = auth.Path;
            var file = Path.Combine(folder, "config.json");
            var config = JsonNode.Parse(File.ReadAllText(file))!;
            Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("publisher:s3cret")), config["auths"]!["localhost:5000"]!["auth"]!.GetValue<string>());
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        }
        Assert.False(Directory.Exists(folder));

        // Without a login, cosign gets an empty config, not the user's ~/.docker.
        Assert.Equal("""{"auths":{}}""", RegistryAuthFolder.Config(address, null));
        Assert.Contains("https://index.docker.io/v1/", RegistryAuthFolder.Config(RegistryAddress.Parse("docker.io/acme"), new RegistryCredentials("u", "p")));
    }
}
