namespace Slipway.Tests.Shared;

/// <summary>The repository the tests run from: every test reads files of this repository only, never beside it.</summary>
public static class RepositoryRoot
{
    /// <summary>The folder holding <c>.nuke/</c>, found by walking up from the test assembly.</summary>
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke"))) return directory.FullName;
        throw new InvalidOperationException($"No folder containing .nuke/ above {AppContext.BaseDirectory}.");
    }
}
