using System.Text.RegularExpressions;
using Slipway.Containers.Images;

namespace Slipway.Containers.Building;

/// <summary>
/// How BuildImages names what it builds: version <c>sha-&lt;7 hex&gt;[-dirty]</c>, loaded as
/// <c>&lt;prefix&gt;/&lt;service&gt;:&lt;version&gt;-&lt;checkout&gt;</c>.
/// </summary>
public static partial class ImageNaming
{
    /// <summary>The version of a build: its labels and release tags say it, so every checkout of a commit says the same.</summary>
    public static string Version(SourceRevision revision) => $"sha-{revision.ShortCommit}{(revision.IsDirty ? "-dirty" : "")}";

    /// <summary>
    /// The local tag: the version and 8 hex of the checkout's path. Two checkouts of one commit (two clones, two CI jobs on
    /// a machine) build images that may differ, so each keeps its own tag, and neither moves the other's.
    /// </summary>
    public static string LocalTag(string version, string checkoutPath) =>
        $"{version}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(checkoutPath)))[..8]}";

    /// <summary>The prefix as given (checked by <see cref="PrefixError"/>, never rewritten) and the service as a repository component.</summary>
    public static string Repository(string prefix, string service) => $"{prefix.TrimEnd('/')}/{DockerNames.Component(service)}";

    /// <summary>
    /// Why a prefix is not an image repository path (an optional registry host, then lowercase components joined by
    /// '/'), or null when it is. A prefix the user gave is checked, never rewritten.
    /// </summary>
    public static string? PrefixError(string prefix) =>
        ValidPrefix().IsMatch(prefix) ? null
        : "is not an image repository prefix: expected lowercase letters and digits, with '.', '_' or '-' inside a component and '/' between components, optionally after a registry host (e.g. acme/shop or localhost:5000/acme).";

    [GeneratedRegex(@"^([a-z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+([._-]+[a-z0-9]+)*(/[a-z0-9]+([._-]+[a-z0-9]+)*)*$")]
    private static partial Regex ValidPrefix();
}
