using System.Globalization;
using System.Text.RegularExpressions;

namespace Slipway.Containers.Smoke.Suite;

/// <summary>Durations as compose writes them for healthchecks: <c>500ms</c>, <c>30s</c>, <c>2m</c>.</summary>
public static partial class Duration
{
    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(ms|s|m)$")]
    private static partial Regex Pattern();

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var match = Pattern().Match(text.Trim());
        if (!match.Success) return false;
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        duration = match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(value),
            "s" => TimeSpan.FromSeconds(value),
            _ => TimeSpan.FromMinutes(value),
        };
        return duration > TimeSpan.Zero;
    }
}
