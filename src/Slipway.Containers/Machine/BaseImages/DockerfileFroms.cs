using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Containers.Machine.BaseImages;

/// <summary>A base image a Dockerfile builds on: a <c>FROM</c> that names an image, not an earlier stage or <c>scratch</c>.</summary>
/// <param name="Image">The image reference with build arguments substituted, e.g. <c>debian:bookworm-slim</c>.</param>
/// <param name="Platform">The <c>--platform</c> flag with arguments substituted except BUILDPLATFORM and TARGETPLATFORM; null when absent.</param>
/// <param name="Line">The line the FROM starts on (1-based).</param>
public sealed record FromImage(string Image, string? Platform, int Line);

/// <summary>The base images of one Dockerfile, and the FROMs whose image name could not be worked out.</summary>
public sealed partial record DockerfileFroms(IReadOnlyList<FromImage> Images, IReadOnlyList<string> Unresolved)
{
    /// <summary>
    /// Reads the FROM instructions the way BuildKit does: parser directives (<c># escape=`</c>), line continuations,
    /// comments and heredocs; global ARGs (before the first FROM) with their defaults, overridden by the build arguments;
    /// <c>FROM [--platform=…] image [AS name]</c>, skipping <c>scratch</c> and the names of earlier stages.
    /// </summary>
    public static DockerfileFroms Parse(string text, IReadOnlyDictionary<string, string?>? buildArgs = null)
    {
        buildArgs ??= new Dictionary<string, string?>();
        var globals = new Dictionary<string, string?>(StringComparer.Ordinal);
        var stages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var images = new List<FromImage>();
        var unresolved = new List<string>();
        var seenFrom = false;

        foreach (var (instruction, line) in Instructions(text))
        {
            var words = SplitWords(instruction);
            if (words.Count == 0) continue;
            var keyword = words[0].ToUpperInvariant();
            if (keyword == "ARG" && !seenFrom)
            {
                foreach (var declaration in words.Skip(1))
                {
                    var equals = declaration.IndexOf('=');
                    var name = equals < 0 ? declaration : declaration[..equals];
                    var fallback = equals < 0 ? null : Unquote(Substitute(declaration[(equals + 1)..], globals));
                    globals[name] = buildArgs.TryGetValue(name, out var given) && given is not null ? given : fallback;
                }
            }
            else if (keyword == "FROM")
            {
                seenFrom = true;
                var platform = words.Skip(1).FirstOrDefault(w => w.StartsWith("--platform=", StringComparison.OrdinalIgnoreCase))?["--platform=".Length..];
                var rest = words.Skip(1).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
                if (rest.Count == 0)
                {
                    unresolved.Add($"line {line}: FROM without an image");
                    continue;
                }

                var image = Substitute(rest[0], globals);
                // Only earlier stages count: in "FROM debian AS debian" the image is an image.
                var isStage = stages.Contains(image);
                if (rest.Count >= 3 && rest[1].Equals("AS", StringComparison.OrdinalIgnoreCase)) stages.Add(rest[2]);
                if (image.Contains('$') || image.Length == 0)
                    unresolved.Add($"line {line}: FROM {rest[0]} (a build argument without a value)");
                else if (!isStage && !image.Equals("scratch", StringComparison.OrdinalIgnoreCase))
                    images.Add(new FromImage(image, platform is null ? null : Substitute(platform, globals, keep: PlatformArguments), line));
            }
        }

        return new DockerfileFroms(images, unresolved);
    }

    private static readonly HashSet<string> PlatformArguments = ["BUILDPLATFORM", "TARGETPLATFORM"];

    /// <summary>The logical instructions with the line each starts on: continuations joined, comments and heredoc bodies dropped.</summary>
    private static IEnumerable<(string Instruction, int Line)> Instructions(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var escape = '\\';
        var index = 0;

        // Parser directives come first, before any instruction, blank line or other comment.
        for (; index < lines.Length; index++)
        {
            var directive = DirectivePattern().Match(lines[index]);
            if (!directive.Success) break;
            if (directive.Groups["name"].Value.Equals("escape", StringComparison.OrdinalIgnoreCase) && directive.Groups["value"].Value is ['`'])
                escape = '`';
        }

        var current = new StringBuilder();
        var start = 0;
        string? heredoc = null;
        for (; index < lines.Length; index++)
        {
            var line = lines[index];
            if (heredoc is not null)
            {
                if (line.Trim() == heredoc) heredoc = null;
                continue;
            }

            var trimmed = line.TrimStart();
            if (trimmed.StartsWith('#') || (current.Length == 0 && trimmed.Length == 0)) continue;
            if (current.Length == 0) start = index + 1;

            var content = line.TrimEnd();
            if (content.EndsWith(escape))
            {
                current.Append(content[..^1]).Append(' ');
                continue;
            }

            current.Append(content);
            var instruction = current.ToString().Trim();
            current.Clear();
            var marker = HeredocPattern().Match(instruction);
            if (marker.Success) heredoc = marker.Groups["word"].Value;
            yield return (instruction, start);
        }

        if (current.Length > 0) yield return (current.ToString().Trim(), start);
    }

    private static List<string> SplitWords(string instruction) =>
        instruction.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>Replaces <c>$NAME</c>, <c>${NAME}</c>, <c>${NAME:-word}</c> and <c>${NAME:+word}</c>; unknown names stay as written.</summary>
    internal static string Substitute(string value, IReadOnlyDictionary<string, string?> arguments, IReadOnlySet<string>? keep = null) =>
        VariablePattern().Replace(value, match =>
        {
            var name = match.Groups["braced"].Success ? match.Groups["braced"].Value : match.Groups["plain"].Value;
            if (keep?.Contains(name) == true) return match.Value;
            var value = arguments.TryGetValue(name, out var given) ? given : null;
            return match.Groups["op"].Value switch
            {
                ":-" => value is { Length: > 0 } ? value : Substitute(match.Groups["word"].Value, arguments, keep),
                ":+" => value is { Length: > 0 } ? Substitute(match.Groups["word"].Value, arguments, keep) : "",
                _ => value ?? match.Value,
            };
        });

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] is '"' or '\'') && value[^1] == value[0] ? value[1..^1] : value;

    [GeneratedRegex(@"^#\s*(?<name>[a-zA-Z][a-zA-Z0-9_-]*)\s*=\s*(?<value>\S+)\s*$")]
    private static partial Regex DirectivePattern();

    [GeneratedRegex(@"<<-?\s*([""']?)(?<word>[A-Za-z_][A-Za-z0-9_]*)\1")]
    private static partial Regex HeredocPattern();

    [GeneratedRegex(@"\$(?:\{(?<braced>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:[-+])(?<word>[^}]*))?\}|(?<plain>[A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex VariablePattern();
}
