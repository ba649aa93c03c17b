namespace Slipway.Containers.Scanning.Inventory.Catalogers.Java;

/// <summary>A pom.properties file (Java properties: "key=value" or "key: value" lines, '#' and '!' comments): groupId, artifactId, version.</summary>
public static class PomProperties
{
    public static (string? GroupId, string? ArtifactId, string? Version) Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or '!') continue;
            var separator = line.IndexOfAny(['=', ':']);
            if (separator <= 0) continue;
            values.TryAdd(line[..separator].Trim(), line[(separator + 1)..].Trim());
        }
        string? Get(string key) => values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
        return (Get("groupId"), Get("artifactId"), Get("version"));
    }
}
