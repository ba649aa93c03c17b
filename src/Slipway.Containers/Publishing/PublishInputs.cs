using Slipway.Build;
using Slipway.Containers.Publishing.Registry;
using Slipway.Containers.Publishing.Signing;
using Slipway.Containers.Publishing.Versioning;

namespace Slipway.Containers.Publishing;

/// <summary>The registry, login and version, checked before any target runs, so that a typo never waits for the whole chain.</summary>
public static class PublishInputs
{
    public static void ValidateRegistry(IPushByDigest build)
    {
        if (build.Registry is { Length: > 0 } registry) RegistryAddress.Parse(registry);
        var user = build.RegistryUsername is { Length: > 0 };
        var password = build.RegistryPassword is { Length: > 0 };
        if (user && !password)
            throw new ParameterException("Parameter 'RegistryPassword' is not set, but --registry-username is: give the password or token with REGISTRY_PASSWORD (or --registry-password).");
        if (password && !user)
            throw new ParameterException("Parameter 'RegistryUsername' is not set, but a registry password is: give the user name with --registry-username.");
    }

    /// <summary>The signing set-up: a key that exists and is private, or keyless where there is an OIDC token.</summary>
    public static void ValidateSigning(IPublish build) =>
        SigningOptions.ForPublish(SigningOptions.Mode(build.Signing, build.CosignKey), build.CosignKey, build.CertificateIdentity, build.CertificateOidcIssuer,
            build.RootDirectory, dryRun: build.Registry is null, build.Context.Environment);

    /// <summary>What VerifyImages checks signatures against.</summary>
    public static void ValidateVerification(IVerifyImages build) =>
        SigningOptions.ForVerify(SigningOptions.Mode(build.Signing, build.CosignKey), build.CosignKey, build.CertificateIdentity, build.CertificateOidcIssuer,
            build.RootDirectory, build.Context.Environment);

    public static void ValidateVersion(IPublish build)
    {
        if (build.Version is { Length: > 0 } version) TagRules.ParseVersion(version, requirePrefix: false, $"Parameter 'Version': '{version}'");
    }
}
