using Slipway.Build;
using Slipway.Containers.Publishing.Registry;
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

    public static void ValidateVersion(IPublish build)
    {
        if (build.Version is { Length: > 0 } version) TagRules.ParseVersion(version, requirePrefix: false, $"Parameter 'Version': '{version}'");
    }
}
