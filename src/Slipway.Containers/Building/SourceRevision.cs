using Slipway.Build.Processes;
using Slipway.Build;
using Slipway.Containers.Git;

namespace Slipway.Containers.Building;

/// <summary>The commit being built, as git sees it.</summary>
public sealed record SourceRevision(string Commit, bool IsDirty, DateTimeOffset CommitTime, string? SourceUrl)
{
    /// <summary>The run's revision, read once: the plan-time check and BuildImages see the same commit and ask git once.</summary>
    public sealed class OfRun
    {
        private SourceRevision? _revision;

        public async Task<SourceRevision> ReadAsync(ProcessRunner processes, string directory, CancellationToken cancellationToken) =>
            _revision ??= await SourceRevision.ReadAsync(processes, directory, cancellationToken);
    }

    public string ShortCommit => Commit[..7];

    public static async Task<SourceRevision> ReadAsync(ProcessRunner processes, string directory, CancellationToken cancellationToken)
    {
        var git = new GitCommands(processes, directory);
        var head = await git.TryAsync(cancellationToken, "rev-parse", "--verify", "HEAD");
        if (!head.Succeeded) throw new InputException(WhyNoCommit(directory, head.StandardError));
        var commit = head.StandardOutput.Trim();
        var status = await git.OutputAsync(cancellationToken, "status", "--porcelain", "--untracked-files=no");
        var time = (await git.OutputAsync(cancellationToken, "log", "-1", "--format=%cI", commit)).Trim();
        var remote = GitRemote.Parse(await git.OutputOrNullAsync(cancellationToken, "remote", "get-url", "origin"));
        return new SourceRevision(commit, status.Trim().Length > 0, DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture), remote?.PublicUrl);
    }

    /// <summary>git's failure to name HEAD, in words: images are named after the commit they are built from.</summary>
    public static string WhyNoCommit(string directory, string gitError) =>
        gitError.Contains("not a git repository", StringComparison.OrdinalIgnoreCase)
            ? $"{directory} is not in a git repository: Slipway names images after the commit they are built from (sha-<commit>). Build from a clone, or run git init and commit the stack."
            : gitError.Contains("Needed a single revision", StringComparison.Ordinal) || gitError.Contains("unknown revision", StringComparison.Ordinal)
                ? $"The git repository at {directory} has no commits yet: Slipway names images after the commit they are built from (sha-<commit>). Commit the stack, then build."
                : $"git cannot name the commit at {directory}: {gitError.Trim()}";
}
