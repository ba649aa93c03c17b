using Slipway.Build.Processes;

namespace Slipway.Containers.Git;

/// <summary>git in one repository, quietly: what every reader of the repository (the revision, the ref, the history, the remote) asks it.</summary>
public sealed class GitCommands(ProcessRunner processes, string repository)
{
    /// <summary>The command's output; a failure is an error.</summary>
    public async Task<string> OutputAsync(CancellationToken cancellationToken, params string[] arguments) =>
        (await RunAsync(cancellationToken, arguments)).StandardOutput;

    /// <summary>The command's output, or null when git fails (no such ref, no remote).</summary>
    public async Task<string?> OutputOrNullAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await TryAsync(cancellationToken, arguments);
        return result.Succeeded ? result.StandardOutput : null;
    }

    /// <summary>The command's whole result, failed or not.</summary>
    public Task<ProcessResult> TryAsync(CancellationToken cancellationToken, params string[] arguments) =>
        processes.RunAsync("git", arguments, new ProcessOptions { WorkingDirectory = repository, Quiet = true, ThrowOnError = false }, cancellationToken);

    private Task<ProcessResult> RunAsync(CancellationToken cancellationToken, string[] arguments) =>
        processes.RunAsync("git", arguments, new ProcessOptions { WorkingDirectory = repository, Quiet = true }, cancellationToken);

    public static IReadOnlyList<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
