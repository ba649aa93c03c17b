using Slipway.Build.Execution;
using Slipway.Containers.Publishing.Registry;
using Slipway.Containers.Publishing.Signing;
using Slipway.Containers.Publishing.Versioning;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Publishing.Verification;

/// <summary>One run of VerifyImages: what to verify (what Publish just did, else the version's tags of the stack's images), then cosign's verdict and the report.</summary>
internal sealed class VerifyImagesRun(IVerifyImages build)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await VerifyAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidVersionException or RegistryException or InvalidDataException or SigningException)
        {
            throw new TargetFailedException(e.Message);
        }
    }

    private async Task VerifyAsync(CancellationToken cancellationToken)
    {
        var published = build.Context.State<PublishedRelease>();
        if (build.Registry is null)
        {
            if (published is { Ran: true, DryRun: true })
            {
                build.ReportSummary(published.VerifiedByPublish ? "dry run: Publish verified it in its throw-away registry" : "dry run: nothing was signed (--signing)");
                return;
            }
            throw new TargetFailedException("VerifyImages reads the images from a registry: give --registry (and --version for a release other than the one HEAD builds).");
        }

        var mode = SigningOptions.Mode(build.Signing, build.CosignKey);
        var (key, certificate) = SigningOptions.ForVerify(mode, build.CosignKey, build.CertificateIdentity, build.CertificateOidcIssuer, build.RootDirectory, build.Context.Environment);
        var address = RegistryAddress.Parse(build.Registry);
        var services = published.Ran && published.Registry == address.ToString()
            ? published.Images.Select(i => new ServiceTags(i.Service, i.Tags)).ToList()
            : await ReleaseTagsAsync(cancellationToken);
        await build.RestoreToolsAsync([SigningSession.Tool], "to verify the published images", cancellationToken);

        var login = build.RegistryLogin;
        VerificationResult result;
        using (var session = await SigningSession.ForVerifyAsync(key, certificate, build.Processes, address, login, build.CosignPassword, cancellationToken))
        using (var registry = new RegistryClient(address, login))
            result = await new ImageVerifier(session.Cosign, session.Trusted, registry, address, build.Log).VerifyAsync(services, cancellationToken);

        var reportFile = build.VerificationReportFile;
        VerificationReport.Write(result, reportFile);
        build.Host.AppendStepSummary(VerificationReport.Markdown(result));
        foreach (var problem in result.Problems) build.Log.Error("{Problem}", problem);
        if (!result.Passed)
            throw new TargetFailedException($"{result.Problems.Count} problem(s); see {reportFile.RelativeTo(build.RootDirectory)}. {result.Problems[0]}");
        var tags = result.Digests.Sum(d => d.Tags.Count);
        build.Log.Information("{Count} tags of {Services} services verified against {Trusted}", tags, services.Count, result.Trusted);
        build.ReportSummary($"{tags} tags of {services.Count} images signed, SBOM and scan attested ({result.Trusted})");
    }

    /// <summary>
    /// The stack's built services under the tags this ref or --version gives; with --version the sha-… tag is left out,
    /// since the commit checked out need not be the one that version was built from.
    /// </summary>
    private async Task<IReadOnlyList<ServiceTags>> ReleaseTagsAsync(CancellationToken cancellationToken)
    {
        var stack = await build.Context.State<LoadedStacks>().LoadAsync(build.Processes, ComposeCommand.For(build), cancellationToken);
        var gitRef = await new GitRefReader(build.Processes, build.RootDirectory, build.Context.Environment).ReadAsync(cancellationToken);
        var release = TagRules.For(gitRef, build.Version);
        var commitTag = release.Tags[0];
        var tags = release.Tags.Where(t => build.Version is not { Length: > 0 } || t != commitTag).Select(t => t.Name).ToList();
        return stack.BuiltServices.Select(s => new ServiceTags(s.Name, tags)).ToList();
    }
}
