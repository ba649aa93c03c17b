namespace Slipway.Containers.Scanning.Inventory;

/// <summary>The distribution an image is built on, from os-release(5).</summary>
public sealed record OsRelease(string Id, string? VersionId, string? PrettyName)
{
    public static OsRelease? Parse(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var equals = line.IndexOf('=');
            if (line.StartsWith('#') || equals <= 0) continue;
            fields[line[..equals]] = line[(equals + 1)..].Trim('"', '\'');
        }
        return fields.TryGetValue("ID", out var id) && id.Length > 0
            ? new OsRelease(id, fields.GetValueOrDefault("VERSION_ID"), fields.GetValueOrDefault("PRETTY_NAME"))
            : null;
    }

    /// <summary>The major release, as OSV's Debian ecosystems name it ("12" for "Debian:12").</summary>
    public string? MajorVersion => VersionId?.Split('.')[0];
}
