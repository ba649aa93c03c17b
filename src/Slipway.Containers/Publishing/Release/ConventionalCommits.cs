using System.Text.RegularExpressions;

namespace Slipway.Containers.Publishing.Release;

/// <summary>A commit subject read as a Conventional Commit: <c>type(scope)!: description</c>.</summary>
public sealed record ChangeEntry(string Type, string? Scope, bool Breaking, string Description);

/// <summary>Groups commit subjects by Conventional Commits type, in the order release notes list them.</summary>
public static partial class ConventionalCommits
{
    /// <summary>Headings in order; types not listed go to "Other changes".</summary>
    private static readonly (string Heading, string[] Types)[] Groups =
    [
        ("Features", ["feat"]),
        ("Bug fixes", ["fix"]),
        ("Performance", ["perf"]),
        ("Refactoring", ["refactor"]),
        ("Documentation", ["docs"]),
        ("Tests", ["test"]),
        ("Build and CI", ["build", "ci"]),
        ("Chores", ["chore", "style"]),
        ("Reverts", ["revert"]),
    ];

    public const string BreakingHeading = "Breaking changes";
    public const string OtherHeading = "Other changes";

    [GeneratedRegex(@"^(?<type>[A-Za-z]+)(\((?<scope>[^)]*)\))?(?<breaking>!)?:\s*(?<description>.+)$")]
    private static partial Regex Subject();

    public static ChangeEntry Parse(string subject)
    {
        var match = Subject().Match(subject.Trim());
        return match.Success
            ? new ChangeEntry(match.Groups["type"].Value.ToLowerInvariant(), match.Groups["scope"].Success ? match.Groups["scope"].Value : null,
                match.Groups["breaking"].Success, match.Groups["description"].Value.Trim())
            : new ChangeEntry("", null, false, subject.Trim());
    }

    /// <summary>Headings with their entries, empty groups left out; breaking changes first, also kept under their type.</summary>
    public static IReadOnlyList<(string Heading, IReadOnlyList<ChangeEntry> Entries)> Group(IEnumerable<string> subjects)
    {
        var entries = subjects.Where(s => !string.IsNullOrWhiteSpace(s)).Select(Parse).ToList();
        var result = new List<(string, IReadOnlyList<ChangeEntry>)>();
        var breaking = entries.Where(e => e.Breaking).ToList();
        if (breaking.Count > 0) result.Add((BreakingHeading, breaking));
        foreach (var (heading, types) in Groups)
        {
            var group = entries.Where(e => types.Contains(e.Type)).ToList();
            if (group.Count > 0) result.Add((heading, group));
        }
        var known = Groups.SelectMany(g => g.Types).ToHashSet();
        var other = entries.Where(e => !known.Contains(e.Type)).ToList();
        if (other.Count > 0) result.Add((OtherHeading, other));
        return result;
    }
}
