namespace Slipway.Containers.Images;

/// <summary>
/// What an os-release file says about the distribution (the freedesktop.org format: KEY=value, values optionally quoted):
/// the machine's, for Restore, and an image's, for ScanImages.
/// </summary>
public sealed record OsRelease(string Id, IReadOnlyList<string> IdLike, string? VersionId, string? VersionCodename, string PrettyName)
{
    public const string DefaultPath = "/etc/os-release";

    public bool IsDebian => Id == "debian";
    public bool IsUbuntu => Id == "ubuntu";

    /// <summary>The major release, as OSV's Debian ecosystems name it ("12" for "Debian:12").</summary>
    public string? MajorVersion => VersionId?.Split('.')[0];

    /// <summary>Debian's major release (12 for bookworm); null for testing/sid, which have no VERSION_ID.</summary>
    public int? DebianMajor => IsDebian && int.TryParse(MajorVersion, out var major) ? major : null;

    /// <summary>The machine's os-release; without an ID the distribution reads as plain "linux".</summary>
    public static OsRelease Parse(string text) => From(Values(text));

    /// <summary>An image's os-release, or null when it has none or it names no ID (the distribution is then unknown).</summary>
    public static OsRelease? TryParse(string? text) =>
        text is not null && Values(text) is var values && values.GetValueOrDefault("ID") is { Length: > 0 } ? From(values) : null;

    private static OsRelease From(Dictionary<string, string> values)
    {
        string? Get(string key) => values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
        var id = Get("ID")?.ToLowerInvariant() ?? "linux";
        return new OsRelease(
            id,
            Get("ID_LIKE")?.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [],
            Get("VERSION_ID"),
            Get("VERSION_CODENAME"),
            Get("PRETTY_NAME") ?? Get("NAME") ?? id);
    }

    private static Dictionary<string, string> Values(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var equals = line.IndexOf('=');
            if (equals <= 0) continue;
            values[line[..equals]] = Unquote(line[(equals + 1)..]);
        }

        return values;
    }

    /// <summary>The machine's os-release, or null where there is none (not Linux).</summary>
    public static OsRelease? Read(string path = DefaultPath) => File.Exists(path) ? Parse(File.ReadAllText(path)) : null;

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            value = value[1..^1];
        return value.Replace("\\\"", "\"").Replace("\\$", "$").Replace("\\`", "`").Replace("\\\\", "\\");
    }
}
