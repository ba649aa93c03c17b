using Slipway.Build.Processes;

namespace Slipway.Containers.Building;

/// <summary>The commit being built, as git sees it.</summary>
public sealed record SourceRevision(string Commit, bool IsDirty, DateTimeOffset CommitTime, string? SourceUrl)
{
    public string ShortCommit => Commit[..7];

    public static async Task<SourceRevision> ReadAsync(ProcessRunner processes, string directory, CancellationToken cancellationToken)
    {
        var quiet = new ProcessOptions { Quiet = true, WorkingDirectory = directory };
        var commit = (await processes.RunAsync("git", ["rev-parse", "HEAD"], quiet, cancellationToken)).StandardOutput.Trim();
        var status = (await processes.RunAsync("git", ["status", "--porcelain", "--untracked-files=no"], quiet, cancellationToken)).StandardOutput;
        var time = (await processes.RunAsync("git", ["log", "-1", "--format=%cI", commit], quiet, cancellationToken)).StandardOutput.Trim();
        var remote = await processes.RunAsync("git", ["remote", "get-url", "origin"], quiet with { ThrowOnError = false }, cancellationToken);
        return new SourceRevision(commit, status.Trim().Length > 0, DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture),
            remote.Succeeded ? PublicUrl(remote.StandardOutput.Trim()) : null);
    }

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
