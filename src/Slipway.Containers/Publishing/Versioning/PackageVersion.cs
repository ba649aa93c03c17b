using Slipway.Containers.Building;

namespace Slipway.Containers.Publishing.Versioning;

/// <summary>
/// The version of what a build packs (NuGet packages), by the rules of image versions: a version tag at HEAD (or
/// <c>--version</c>) gives its semantic version; any other commit gives a prerelease named like its image tag,
/// <c>0.0.0-sha-&lt;7 hex&gt;[-dirty]</c>, which sorts below every release.
/// </summary>
public static class PackageVersion
{
    public static string For(GitRef gitRef, SourceRevision revision, string? versionOverride = null) =>
        TagRules.For(gitRef, versionOverride).Version ?? $"0.0.0-{ImageNaming.Version(revision)}";
}
