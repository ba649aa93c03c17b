using System.Text.RegularExpressions;

namespace Slipway.Containers.Building;

/// <summary>
/// Which service a failed bake failed on, from buildx's plain progress: the step whose number carries the ERROR, and the
/// target that step's header names (bake names it only when it builds more than one target).
/// </summary>
public static partial class BakeFailure
{
    public static string Explain(string output, IReadOnlyList<string> services)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var failed = lines.Select(l => StepError().Match(l)).FirstOrDefault(m => m.Success);
        var final = lines.LastOrDefault(l => l.StartsWith("ERROR: ", StringComparison.Ordinal))?["ERROR: ".Length..];
        if (failed is null)
            return $"buildx bake failed building {string.Join(", ", services)}: {final ?? "see its output above"}";

        var step = failed.Groups["step"].Value;
        var header = lines.Select(l => StepHeader().Match(l)).LastOrDefault(m => m.Success && m.Groups["step"].Value == step && !m.Groups["text"].Value.Contains(" ERROR", StringComparison.Ordinal));
        var bracket = header?.Groups["bracket"].Value ?? "";
        var service = services.FirstOrDefault(s => bracket == s || bracket.StartsWith(s + " ", StringComparison.Ordinal))
                      ?? (services.Count == 1 ? services[0] : null);
        var where = header is null ? "" : $" at [{bracket}] {header.Groups["text"].Value.Trim()}";
        return service is null
            ? $"buildx bake failed{where}: {failed.Groups["error"].Value}"
            : $"The image of service '{service}' failed to build{where}: {failed.Groups["error"].Value}";
    }

    [GeneratedRegex(@"^#(?<step>\d+) ERROR: (?<error>.*)$")]
    private static partial Regex StepError();

    [GeneratedRegex(@"^#(?<step>\d+) \[(?<bracket>[^\]]+)\](?<text>.*)$")]
    private static partial Regex StepHeader();
}
