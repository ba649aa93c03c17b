using System.Text.RegularExpressions;

namespace Slipway.Containers.Building;

/// <summary>How BuildImages names what it builds: <c>&lt;prefix&gt;/&lt;service&gt;:sha-&lt;7 hex&gt;[-dirty]</c>.</summary>
public static partial class ImageNaming
{
    public static string Tag(SourceRevision revision) => $"sha-{revision.ShortCommit}{(revision.IsDirty ? "-dirty" : "")}";

    public static string Repository(string prefix, string service) => $"{Sanitize(prefix.TrimEnd('/'), allowSlash: true)}/{Sanitize(service, allowSlash: false)}";

    /// <summary>Repository names are lowercase; other characters become '-' (as docker/metadata-action does).</summary>
    public static string Sanitize(string name, bool allowSlash) =>
        (allowSlash ? PathUnsafe() : NameUnsafe()).Replace(name.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9._/:-]")]
    private static partial Regex PathUnsafe();

    [GeneratedRegex("[^a-z0-9._-]")]
    private static partial Regex NameUnsafe();
}
