using System.Net;
using System.Text.RegularExpressions;

namespace Slipway.Containers.Publishing.Registry;

/// <summary>
/// Reads the engine's words for a failed push. The engine reports a registry's status only as text
/// ("unexpected status from HEAD request to …: 500 Internal Server Error"), so the status and its reason phrase are found there.
/// </summary>
public static partial class EnginePushError
{
    /// <summary>True when the registry answered a status that <see cref="RegistryRetries"/> rides out (429 or a 5xx).</summary>
    public static bool IsTransient(string error) =>
        StatusWithReason().Matches(error).Any(m => RegistryRetries.IsTransient((HttpStatusCode)int.Parse(m.Groups[1].Value)));

    [GeneratedRegex(@"\b(\d{3}) (?:Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)\b")]
    private static partial Regex StatusWithReason();
}
