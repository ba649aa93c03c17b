using Microsoft.Extensions.FileSystemGlobbing;

namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>The files an upload takes and the folder they are stored relative to.</summary>
public sealed record UploadSelection(IReadOnlyList<string> Files, string Root);

/// <summary>
/// upload-artifact v4's path rules: <c>path:</c> is one pattern a line (relative to the workspace, <c>~</c> for home,
/// <c>!</c> to leave out); a folder or a pattern matching one takes everything below it; files and folders whose name
/// starts with a dot are left out unless <c>include-hidden-files</c>. Each pattern searches from its literal part (the
/// folders before the first wildcard); the files keep their paths relative to the deepest folder all searches share, or
/// to its own folder when the only pattern names a single file.
/// </summary>
public static class UploadSearch
{
    public static UploadSelection Find(string workspace, string pathInput, bool includeHidden, string home)
    {
        var lines = pathInput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith('#')).ToList();
        var includes = lines.Where(l => !l.StartsWith('!')).Select(l => Absolute(workspace, l, home)).ToList();
        var excludes = lines.Where(l => l.StartsWith('!')).Select(l => Absolute(workspace, l[1..].Trim(), home)).ToList();
        if (includes.Count == 0) throw new InputException($"upload-artifact: 'path' names no files to upload: '{pathInput}'.");

        var searchPaths = SearchPaths(includes);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var pattern in includes)
        {
            var searchPath = SearchPath(pattern);
            if (!IsGlob(pattern))
            {
                if (File.Exists(pattern) && (includeHidden || !IsHidden(Path.GetFileName(pattern)))) files.Add(pattern);
                else if (Directory.Exists(pattern)) files.UnionWith(Below(pattern, "**", searchPath, includeHidden));
                continue;
            }

            if (Directory.Exists(searchPath)) files.UnionWith(Below(searchPath, Path.GetRelativePath(searchPath, pattern), searchPath, includeHidden));
        }

        if (excludes.Count > 0)
        {
            var excluded = new Matcher(StringComparison.Ordinal);
            foreach (var pattern in excludes) excluded.AddInclude(pattern.TrimStart('/')).AddInclude(pattern.TrimStart('/') + "/**");
            var left = excluded.Match("/", files.Select(f => f.TrimStart('/'))).Files.Select(f => "/" + f.Path).ToHashSet();
            files.ExceptWith(left);
        }

        var list = files.ToList();
        var root = searchPaths.Count > 1 ? CommonFolder(searchPaths)
            : list.Count == 1 && list[0] == searchPaths[0] ? Path.GetDirectoryName(list[0])!
            : searchPaths[0];
        return new UploadSelection(list, root);
    }

    /// <summary>Files below <paramref name="folder"/> matching <paramref name="pattern"/> (relative to it), or below folders it matches.</summary>
    private static IEnumerable<string> Below(string folder, string pattern, string searchPath, bool includeHidden)
    {
        var matcher = new Matcher(StringComparison.Ordinal).AddInclude(pattern).AddInclude(pattern.TrimEnd('/') + "/**");
        var searchParent = Path.GetDirectoryName(searchPath) ?? "/";
        return matcher.GetResultsInFullPath(folder)
            .Select(Path.GetFullPath)
            .Where(f => includeHidden || !Path.GetRelativePath(searchParent, f).Split('/').Any(IsHidden));
    }

    private static bool IsHidden(string name) => name.StartsWith('.') && name is not ("." or "..");

    private static bool IsGlob(string pattern) => pattern.IndexOfAny(['*', '?', '[']) >= 0;

    private static string Absolute(string workspace, string pattern, string home)
    {
        if (pattern.StartsWith('~')) pattern = home + pattern[1..];
        var full = Path.IsPathRooted(pattern) ? pattern : Path.Combine(workspace, pattern);
        // Normalize . and .. without touching the wildcards; a trailing slash means the same folder.
        return Path.GetFullPath(full).TrimEnd('/') is { Length: > 0 } normalized ? normalized : "/";
    }

    /// <summary>The literal folders before a pattern's first wildcard (the whole path when it has none).</summary>
    private static string SearchPath(string pattern)
    {
        if (!IsGlob(pattern)) return pattern;
        var segments = pattern.Split('/');
        var literal = segments.TakeWhile(s => !IsGlob(s)).ToList();
        return literal.Count <= 1 ? "/" : string.Join('/', literal);
    }

    /// <summary>Each pattern's search path, leaving out those below another's, in the order given.</summary>
    private static IReadOnlyList<string> SearchPaths(IReadOnlyList<string> patterns)
    {
        var all = patterns.Select(SearchPath).ToList();
        var result = new List<string>();
        foreach (var path in all)
        {
            if (result.Contains(path)) continue;
            var hasAncestor = all.Any(other => other != path && (path.StartsWith(other.TrimEnd('/') + "/", StringComparison.Ordinal)));
            if (!hasAncestor) result.Add(path);
        }

        return result;
    }

    /// <summary>The deepest folder the paths share, component by component.</summary>
    private static string CommonFolder(IReadOnlyList<string> paths)
    {
        var split = paths.Select(p => p.Split('/')).ToList();
        var common = new List<string>();
        for (var i = 0; i < split.Min(s => s.Length); i++)
        {
            var component = split[0][i];
            if (split.Any(s => s[i] != component)) break;
            common.Add(component);
        }

        return common.Count <= 1 ? "/" : string.Join('/', common);
    }
}
