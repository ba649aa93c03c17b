using Slipway.Build;
using Slipway.Build.Processes;

namespace Slipway.Containers.Building;

/// <summary>The commit being built, as git sees it.</summary>
public sealed record SourceRevision(string Commit, bool IsDirty, DateTimeOffset CommitTime, string? SourceUrl)
{
    public string ShortCommit => Commit[..7];

    public static async Task<SourceRevision> ReadAsync(ProcessRunner processes, string directory, CancellationToken cancellationToken)
    {
        var quiet = new ProcessOptions { Quiet = true, WorkingDirectory = directory };
        var head = await processes.RunAsync("git", ["rev-parse", "--verify", "HEAD"], quiet with { ThrowOnError = false }, cancellationToken);
        if (!head.Succeeded) throw new InputException(WhyNoCommit(directory, head.StandardError));
        var commit = head.StandardOutput.Trim();
        var status = (await processes.RunAsync("git", ["status", "--porcelain", "--untracked-files=no"], quiet, cancellationToken)).StandardOutput;
        var time = (await processes.RunAsync("git", ["log", "-1", "--format=%cI", commit], quiet, cancellationToken)).StandardOutput.Trim();
        var remote = await processes.RunAsync("git", ["remote", "get-url", "origin"], quiet with { ThrowOnError = false }, cancellationToken);
        return new SourceRevision(commit, status.Trim().Length > 0, DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture),
            remote.Succeeded ? PublicUrl(remote.StandardOutput.Trim()) : null);
    }

    /// <summary>git's failure to name HEAD, in words: images are named after the commit they are built from.</summary>
    public static string WhyNoCommit(string directory, string gitError) =>
        gitError.Contains("not a git repository", StringComparison.OrdinalIgnoreCase)
            ? $"{directory} is not in a git repository: Slipway names images after the commit they are built from (sha-<commit>). Build from a clone, or run git init and commit the stack."
            : gitError.Contains("Needed a single revision", StringComparison.Ordinal) || gitError.Contains("unknown revision", StringComparison.Ordinal)
                ? $"The git repository at {directory} has no commits yet: Slipway names images after the commit they are built from (sha-<commit>). Commit the stack, then build."
                : $"git cannot name the commit at {directory}: {gitError.Trim()}";

    /// <summary>A remote as a browsable URL without credentials: git@github.com:a/b.git → https://github.com/a/b.</summary>
    public static string PublicUrl(string remote)
    {
        if (remote.StartsWith("git@", StringComparison.Ordinal) && remote.IndexOf(':') is var colon and > 0)
            remote = $"https://{remote[4..colon]}/{remote[(colon + 1)..]}";
        if (Uri.TryCreate(remote, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ssh")
            remote = new UriBuilder(uri) { UserName = "", Password = "", Scheme = "https", Port = -1 }.Uri.ToString().TrimEnd('/');
        return remote.EndsWith(".git", StringComparison.Ordinal) ? remote[..^4] : remote;
    }
}
