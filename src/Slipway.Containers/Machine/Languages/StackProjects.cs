namespace Slipway.Containers.Machine.Languages;

/// <summary>The .NET projects and npm packages of a stack, found under its build contexts and its compose files' directories.</summary>
public sealed record StackProjects(IReadOnlyList<string> DotnetProjects, IReadOnlyList<string> NpmPackages)
{
    private static readonly HashSet<string> ProjectExtensions = [".csproj", ".fsproj", ".vbproj"];

    // Outputs and installed dependencies hold copies of projects and package.json files that are not the stack's own.
    private static readonly HashSet<string> SkippedDirectories = ["node_modules", "bin", "obj", "publish", "dist"];

    /// <summary>Every project under the roots, once each, in path order. An npm package is a directory with a package.json.</summary>
    public static StackProjects Find(IEnumerable<string> roots)
    {
        var dotnet = new SortedSet<string>(StringComparer.Ordinal);
        var npm = new SortedSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots.Select(Path.GetFullPath).Where(Directory.Exists))
            Walk(root, dotnet, npm, visited);
        return new StackProjects(dotnet.ToList(), npm.ToList());
    }

    private static void Walk(string directory, SortedSet<string> dotnet, SortedSet<string> npm, HashSet<string> visited)
    {
        if (!visited.Add(directory)) return;
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            if (ProjectExtensions.Contains(Path.GetExtension(file))) dotnet.Add(file);
            else if (Path.GetFileName(file) == "package.json") npm.Add(directory);
        }

        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            var name = Path.GetFileName(child);
            if (name.StartsWith('.') || SkippedDirectories.Contains(name)) continue;
            if (new DirectoryInfo(child).LinkTarget is not null) continue;
            Walk(child, dotnet, npm, visited);
        }
    }
}
