namespace Slipway.Containers.Git;

/// <summary>
/// A git remote as the host and repository path it names, whatever its form: <c>git@host:owner/name.git</c>,
/// <c>https://user:token@host/owner/name.git</c>, <c>ssh://git@host:22/owner/name</c>. Credentials and ports never
/// survive the parse, so what is made of it (a label, a link) carries none.
/// </summary>
public sealed record GitRemote(string Host, string Path)
{
    public static GitRemote? Parse(string? remote)
    {
        var text = remote?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Contains("://"))
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? Of(uri.Host, uri.AbsolutePath) : null;
        // scp-like syntax: [user@]host:path
        var colon = text.IndexOf(':');
        return colon > 0 && !text[..colon].Contains('/') ? Of(text[(text.IndexOf('@') + 1)..colon], text[(colon + 1)..]) : null;
    }

    /// <summary>The repository's page: <c>https://host/owner/name</c>.</summary>
    public string PublicUrl => $"https://{Host}/{Path}";

    private static GitRemote? Of(string host, string path)
    {
        path = path.Trim('/');
        if (path.EndsWith(".git", StringComparison.Ordinal)) path = path[..^4];
        return host.Length > 0 && path.Length > 0 ? new GitRemote(host.ToLowerInvariant(), path) : null;
    }
}
