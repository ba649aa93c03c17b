using Slipway.Build;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Building;

/// <summary>BuildImages' inputs, checked before any target runs: the image prefix, build arguments, cache, git, and each built service's context.</summary>
public static class BuildInputs
{
    public static async Task ValidateAsync(IBuildImages build, CancellationToken ct)
    {
        if (build.ImagePrefix is { } prefix && ImageNaming.PrefixError(prefix) is { } error)
            throw new ParameterException($"Parameter 'ImagePrefix': '{prefix}' {error}");
        _ = KeyValues.Parse(nameof(IBuildImages.BuildArg), build.BuildArg ?? []);
        if (build.EffectiveCache == LayerCache.Registry && build.BuildCacheRef is not { Length: > 0 })
            throw new ParameterException("Parameter 'BuildCacheRef' is required with --build-cache Registry: give the registry repository prefix for the cache, e.g. ghcr.io/acme/cache.");
        await build.Context.State<SourceRevision.OfRun>().ReadAsync(build.Processes, build.RootDirectory, ct);

        if (await StackInputs.LoadIfComposeAsync(build, ct) is not { } stack) return;
        foreach (var service in stack.BuiltServices)
        {
            if (!Directory.Exists(service.Build!.Context))
                throw new InputException($"Service '{service.Name}': its build context {service.Build.Context} (build.context) does not exist.");
            var dockerfile = Path.GetFullPath(Path.Combine(service.Build.Context, service.Build.Dockerfile));
            if (!File.Exists(dockerfile))
                throw new InputException($"Service '{service.Name}': its Dockerfile {dockerfile} (build.dockerfile, relative to build.context) does not exist.");
        }
    }
}
