namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>
/// actions/checkout from the repository being rehearsed: a new repository in the step's path whose origin is that
/// repository; with fetch-depth 0 every branch and tag (as checkout fetches them), else the rehearsed ref alone at that
/// depth without tags; then the ref checked out as checkout leaves it (a branch on its own name, a tag or commit detached).
/// </summary>
public static class Checkout
{
    public static async Task<string> RunAsync(JobLog log, string source, string directory, string gitRef, string sha, int fetchDepth,
        IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
        async Task Git(params string[] arguments) => await JobProcess.RunCheckedAsync(log, "git", arguments, directory, environment, cancellationToken);

        await Git("init", "-q");
        await Git("remote", "add", "origin", source);
        var (kind, name) = gitRef.Split('/', 3) switch
        {
            ["refs", "heads", var branch] => ("branch", branch),
            ["refs", "tags", var tag] => ("tag", tag),
            _ => ("commit", gitRef),
        };
        if (fetchDepth == 0)
            await Git("fetch", "-q", "--prune", "--no-recurse-submodules", "--tags", "origin", "+refs/heads/*:refs/remotes/origin/*", "+refs/tags/*:refs/tags/*");
        else
            await Git("fetch", "-q", "--prune", "--no-recurse-submodules", "--no-tags", $"--depth={fetchDepth}", "origin", kind switch
            {
                "branch" => $"+{sha}:refs/remotes/origin/{name}",
                "tag" => $"+refs/tags/{name}:refs/tags/{name}",
                _ => name,
            });

        switch (kind)
        {
            case "branch":
                await Git("checkout", "-q", "--force", "-B", name, $"refs/remotes/origin/{name}");
                break;
            case "tag":
                await Git("checkout", "-q", "--force", $"refs/tags/{name}");
                break;
            default:
                await Git("checkout", "-q", "--force", name);
                break;
        }

        return fetchDepth == 0 ? $"{gitRef}, full history" : $"{gitRef}, depth {fetchDepth}";
    }
}
