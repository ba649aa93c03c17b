using System.Text.RegularExpressions;

namespace Slipway.Containers.Machine.BaseImages;

/// <summary>Recognises the Debian images Restore can make itself: <c>debian:&lt;suite&gt;-slim</c>, in any of its spellings.</summary>
public static partial class DebianSlim
{
    /// <summary>The suite (e.g. <c>bookworm</c>) of <c>debian:bookworm-slim</c>, <c>library/debian:…</c> or <c>docker.io/library/debian:…</c>; null for anything else.</summary>
    public static string? Suite(string image)
    {
        var match = Pattern().Match(image);
        return match.Success ? match.Groups["suite"].Value : null;
    }

    [GeneratedRegex(@"^(?:(?:docker\.io|index\.docker\.io)/)?(?:library/)?debian:(?<suite>[a-z]+)-slim$")]
    private static partial Regex Pattern();
}
