using Slipway.IntegrationTests.Support;
using Slipway.Tests.Shared;

namespace Slipway.IntegrationTests.Census;

/// <summary>
/// The files the census's bad inputs name, in a temporary folder, and two copies of this repository's tracked files with
/// its compiled build (so their bootstrap does not compile again): one outside git, one in a repository with no commits.
/// </summary>
public sealed class CensusWorkspace : IAsyncLifetime
{
    private static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();

    public string Root { get; } = RepositoryRoot.Find();
    public string Folder { get; } = Directory.CreateTempSubdirectory("slipway-census-").FullName;
    public string NotInGit => Path.Combine(Folder, "not-in-git");
    public string NoCommits => Path.Combine(Folder, "no-commits");

    /// <summary>Writes a file under the workspace and returns its path.</summary>
    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public async Task InitializeAsync()
    {
        var tracked = await CommandLine.RunCheckedAsync("git", ["ls-files", "-z"], Root, NoEnvironment, TimeSpan.FromMinutes(1));
        foreach (var copy in new[] { NotInGit, NoCommits })
        {
            foreach (var file in tracked.Split('\0', StringSplitOptions.RemoveEmptyEntries))
            {
                var target = Path.Combine(copy, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(Root, file), target);
            }

            // The bootstrap hashes the build's sources: identical here, so the compiled build is reused as it is.
            Directory.CreateDirectory(Path.Combine(copy, ".nuke", "temp"));
            await CommandLine.RunCheckedAsync("cp", ["-a", Path.Combine(Root, ".nuke", "temp", "bin"), Path.Combine(Root, ".nuke", "temp", "build-inputs.sha256"), Path.Combine(copy, ".nuke", "temp")],
                Root, NoEnvironment, TimeSpan.FromMinutes(2));
        }

        await CommandLine.RunCheckedAsync("git", ["init", "-q"], NoCommits, NoEnvironment, TimeSpan.FromMinutes(1));
        File.WriteAllText(Path.Combine(NotInGit, ".nuke", "parameters.broken.json"), "{ \"WaitTimeout\": ");
        File.WriteAllText(Path.Combine(NotInGit, ".nuke", "parameters.typed.json"), "{ \"WaitTimeout\": \"soon\" }");
        File.WriteAllText(Path.Combine(NotInGit, ".nuke", "parameters.unknown.json"), "{ \"NoSuchParameter\": 1 }");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
