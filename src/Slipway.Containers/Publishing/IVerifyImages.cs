using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Containers.Publishing.Registry;
using Slipway.Containers.Publishing.Signing;
using Slipway.Containers.Publishing.Verification;
using Slipway.Containers.Publishing.Versioning;
using Slipway.Containers.Stacks;

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
        .Executes(async ct =>
        {
            try
            {
                await VerifyImagesAsync(ct);
            }
            catch (Exception e) when (e is InvalidVersionException or RegistryException or ArgumentException or InvalidDataException or SigningException)
            {
                throw new TargetFailedException(e.Message);
            }
        });

    private async Task VerifyImagesAsync(CancellationToken cancellationToken)
    {
        var published = Context.State<PublishedRelease>();
        if (Registry is null)
        {
            if (published is { Ran: true, DryRun: true })
            {
                ReportSummary(published.VerifiedByPublish ? "dry run: Publish verified it in its throw-away registry" : "dry run: nothing was signed (--signing)");
                return;
            }
            throw new TargetFailedException("VerifyImages reads the images from a registry: give --registry (and --version for a release other than the one HEAD builds).");
        }

        var mode = SigningOptions.Mode(Signing, CosignKey);
        var (key, certificate) = SigningOptions.ForVerify(mode, CosignKey, CertificateIdentity, CertificateOidcIssuer, RootDirectory, Context.Environment);
        var address = RegistryAddress.Parse(Registry);
        var services = published.Ran && published.Registry == address.ToString()
            ? published.Images.Select(i => new ServiceTags(i.Service, i.Tags)).ToList()
            : await ReleaseTagsAsync(cancellationToken);
        await RestoreToolsAsync([SigningSession.Tool], "to verify the published images", cancellationToken);

        VerificationResult result;
        using (var session = await SigningSession.ForVerifyAsync(key, certificate, Processes, address, RegistryLogin, CosignPassword, cancellationToken))
        using (var registry = new RegistryClient(address, RegistryLogin))
            result = await new ImageVerifier(session.Cosign, session.Trusted, registry, address, Log).VerifyAsync(services, cancellationToken);

        VerificationReport.Write(result, VerificationReportFile);
        Host.AppendStepSummary(VerificationReport.Markdown(result));
        foreach (var problem in result.Problems) Log.Error("{Problem}", problem);
        if (!result.Passed)
            throw new TargetFailedException($"{result.Problems.Count} problem(s); see {VerificationReportFile.RelativeTo(RootDirectory)}. {result.Problems[0]}");
        var tags = result.Digests.Sum(d => d.Tags.Count);
        Log.Information("{Count} tags of {Services} services verified against {Trusted}", tags, services.Count, result.Trusted);
        ReportSummary($"{tags} tags of {services.Count} images signed, SBOM and scan attested ({result.Trusted})");
    }

    /// <summary>
    /// The stack's built services under the tags this ref or --version gives; with --version the sha-… tag is left out,
    /// since the commit checked out need not be the one that version was built from.
    /// </summary>
    private async Task<IReadOnlyList<ServiceTags>> ReleaseTagsAsync(CancellationToken cancellationToken)
    {
        var stack = await Context.State<LoadedStacks>().LoadAsync(Processes, ComposeCommand.For(this), cancellationToken);
        var gitRef = await new GitRefReader(Processes, RootDirectory, Context.Environment).ReadAsync(cancellationToken);
        var release = TagRules.For(gitRef, Version);
        var commitTag = release.Tags[0];
        var tags = release.Tags.Where(t => Version is not { Length: > 0 } || t != commitTag).Select(t => t.Name).ToList();
        return stack.BuiltServices.Select(s => new ServiceTags(s.Name, tags)).ToList();
    }
}
