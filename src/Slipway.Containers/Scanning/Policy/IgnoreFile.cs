using System.Globalization;

namespace Slipway.Containers.Scanning.Policy;

/// <summary>One entry of an ignore file: an advisory id, until an optional expiry date.</summary>
public sealed record IgnoreEntry(string Id, DateOnly? Expires, int Line)
{
    /// <summary>Trivy's rule: an entry stops applying once its date has begun (UTC).</summary>
    public bool IsExpired(DateTimeOffset now) => Expires is { } date && DateOnly.FromDateTime(now.UtcDateTime) >= date;
}

/// <summary>
/// The .trivyignore format: one advisory id per line, optionally followed by <c>exp:YYYY-MM-DD</c>;
/// '#' starts a comment, blank lines are skipped.
/// </summary>
public sealed class IgnoreFile(IReadOnlyList<IgnoreEntry> entries, string origin)
{
    public static readonly IgnoreFile Empty = new([], "(none)");

    public IReadOnlyList<IgnoreEntry> Entries { get; } = entries;
    public string Origin { get; } = origin;

    public static IgnoreFile Load(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), path) : throw new FileNotFoundException($"Ignore file {path} does not exist.", path);

    public static IgnoreFile Parse(string text, string origin)
    {
        var entries = new List<IgnoreEntry>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) continue;
            DateOnly? expires = null;
            foreach (var word in words.Skip(1))
            {
                if (!word.StartsWith("exp:", StringComparison.Ordinal))
                    throw new InvalidDataException($"{origin}:{i + 1}: unexpected '{word}' after {words[0]}; expected 'ID' or 'ID exp:YYYY-MM-DD'.");
                if (!DateOnly.TryParseExact(word[4..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    throw new InvalidDataException($"{origin}:{i + 1}: '{word}' is not a valid expiry; expected exp:YYYY-MM-DD.");
                expires = date;
            }
            entries.Add(new IgnoreEntry(words[0], expires, i + 1));
        }
        return new IgnoreFile(entries, origin);
    }
}
