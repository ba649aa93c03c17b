namespace Slipway.Containers.Scanning.Inventory.Catalogers;

/// <summary>Debian control-file syntax (deb822): paragraphs of "Field: value" separated by blank lines, continuation lines indented.</summary>
public static class ControlParagraphs
{
    public static IEnumerable<Dictionary<string, string>> Parse(string text)
    {
        var paragraph = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                if (paragraph.Count > 0) yield return paragraph;
                paragraph = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                last = null;
                continue;
            }
            if (line[0] is ' ' or '\t')
            {
                if (last is not null) paragraph[last] += "\n" + line.Trim();
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            last = line[..colon].Trim();
            paragraph[last] = line[(colon + 1)..].Trim();
        }
        if (paragraph.Count > 0) yield return paragraph;
    }
}
