using Slipway.Containers.Images;

namespace Slipway.Containers.Machine.BaseImages;

/// <summary>A base image the stack needs, the platforms it is needed for, and the Dockerfiles that name it.</summary>
public sealed record BaseImageNeed(string Image, IReadOnlyList<PlatformName> Platforms, IReadOnlyList<string> Dockerfiles);

public static class BaseImageNeeds
{
    /// <summary>
    /// Groups the FROMs of all builds by image. A FROM is needed for the requested platforms, for the build machine's with
    /// <c>--platform=$BUILDPLATFORM</c>, or for the one it names literally.
    /// </summary>
    public static IReadOnlyList<BaseImageNeed> Collect(
        IEnumerable<(string Dockerfile, FromImage From)> froms, IReadOnlyList<PlatformName> requested, PlatformName native)
    {
        return froms
            .GroupBy(f => f.From.Image, StringComparer.Ordinal)
            .Select(group => new BaseImageNeed(
                group.Key,
                group.SelectMany(f => PlatformsFor(f.From.Platform, requested, native)).Distinct().OrderBy(p => p.ToString(), StringComparer.Ordinal).ToList(),
                group.Select(f => f.Dockerfile).Distinct().ToList()))
            .OrderBy(need => need.Image, StringComparer.Ordinal)
            .ToList();
    }

    public static IReadOnlyList<PlatformName> PlatformsFor(string? platformFlag, IReadOnlyList<PlatformName> requested, PlatformName native) =>
        platformFlag switch
        {
            null or "$TARGETPLATFORM" or "${TARGETPLATFORM}" => requested,
            "$BUILDPLATFORM" or "${BUILDPLATFORM}" => [native],
            var literal => [PlatformName.Parse(literal)],
        };
}
