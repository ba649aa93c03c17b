using System.Text.RegularExpressions;

namespace Slipway.Containers.Smoke.Suite;

/// <summary><c>${name}</c> placeholders in smoke files, filled from captures and built-in variables.</summary>
public static partial class Template
{
    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex NamePattern();

    public static bool IsName(string name) => NamePattern().IsMatch(name);

    public static IEnumerable<string> Names(string? text) =>
        text is null ? [] : Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>Fills every placeholder; the suite was validated, so a missing variable is a bug, not bad input.</summary>
    public static string Render(string text, IReadOnlyDictionary<string, string> variables) =>
        Placeholder().Replace(text, m => variables.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"No value for ${{{m.Groups[1].Value}}}."));
}
