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

    /// <summary>
    /// Why a prefix is not an image repository path (an optional registry host, then lowercase components joined by
    /// '/'), or null when it is. A prefix the user gave is checked, never rewritten.
    /// </summary>
    public static string? PrefixError(string prefix) =>
        ValidPrefix().IsMatch(prefix) ? null
        : "is not an image repository prefix: expected lowercase letters and digits, with '.', '_' or '-' inside a component and '/' between components, optionally after a registry host (e.g. acme/shop or localhost:5000/acme).";

    [GeneratedRegex(@"^([a-z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+([._-]+[a-z0-9]+)*(/[a-z0-9]+([._-]+[a-z0-9]+)*)*$")]
    private static partial Regex ValidPrefix();

    [GeneratedRegex("[^a-z0-9._/:-]")]
    private static partial Regex PathUnsafe();

    [GeneratedRegex("[^a-z0-9._-]")]
    private static partial Regex NameUnsafe();
}
