namespace Slipway.Containers.Scanning.Inventory.Catalogers.Java;

/// <summary>
/// The main section of a jar manifest (META-INF/MANIFEST.MF): "Name: value" lines up to the first blank line, a line
/// that starts with a space continuing the one before.
/// </summary>
public static class JarManifest
{
    public static IReadOnlyDictionary<string, string> MainAttributes(string text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0) break;
            if (line[0] == ' ')
            {
                if (last is not null) attributes[last] += line[1..];
                continue;
            }
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0) continue;
            last = line[..colon];
            attributes[last] = line[(colon + 2)..];
        }
        return attributes;
    }
}
