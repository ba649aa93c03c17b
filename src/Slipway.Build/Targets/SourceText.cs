namespace Slipway.Build;

/// <summary>Turns the caller's argument text of a lambda into the text a user should read.</summary>
internal static class SourceText
{
    /// <summary><c>() =&gt; IsServerBuild</c> becomes <c>IsServerBuild</c>.</summary>
    public static string OfLambda(string? text)
    {
        var trimmed = (text ?? "(condition)").Trim();
        var arrow = trimmed.IndexOf("=>", StringComparison.Ordinal);
        if (arrow >= 0 && trimmed[..arrow].Trim() is "()" or "_")
            trimmed = trimmed[(arrow + 2)..].Trim();
        return string.Join(' ', trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The parameter named by a requirement such as <c>Registry</c> or <c>From&lt;IPublish&gt;().Registry</c>.</summary>
    public static string LastIdentifier(string text)
    {
        var end = text.Length;
        while (end > 0 && !(char.IsLetterOrDigit(text[end - 1]) || text[end - 1] == '_')) end--;
        var start = end;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_')) start--;
        return text[start..end];
    }
}
