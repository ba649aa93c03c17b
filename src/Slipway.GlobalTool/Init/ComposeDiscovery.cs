using Slipway.Build;

namespace Slipway.GlobalTool.Init;

/// <summary>
/// Finds a stack's compose files as compose itself does with no -f: the first of its default names in the working
/// directory, else in the nearest parent that has one (here: no higher than the repository's root), plus the first
/// override file beside it. The names and their order are compose's (compose-go's DefaultFileNames).
/// </summary>
public static class ComposeDiscovery
{
    public static readonly IReadOnlyList<string> FileNames = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"];

    public static readonly IReadOnlyList<string> OverrideFileNames = ["compose.override.yml", "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml"];

    public static IReadOnlyList<AbsolutePath> Find(AbsolutePath workingDirectory, AbsolutePath root, Func<AbsolutePath, bool> exists)
    {
        for (var directory = workingDirectory; directory is not null && directory.IsUnder(root); directory = directory.Parent)
        {
            var file = FileNames.Select(n => directory / n).FirstOrDefault(exists);
            if (file is null) continue;
            var overrideFile = OverrideFileNames.Select(n => directory / n).FirstOrDefault(exists);
            return overrideFile is null ? [file] : [file, overrideFile];
        }

        return [];
    }
}
