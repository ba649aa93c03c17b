using Slipway.Build;
using Slipway.Build.Processes;

namespace Slipway.Containers.Publishing.Release;

/// <summary>The previous version tag and the commit subjects since it, from git.</summary>
public sealed class GitHistory(ProcessRunner processes, AbsolutePath repository)
{
    /// <summary>The nearest v* tag reachable from the tag's parent commit, or null for the first release.</summary>
    public async Task<string?> PreviousTagAsync(string tag, CancellationToken cancellationToken)
    {
        var result = await Git(cancellationToken, throwOnError: false, "describe", "--tags", "--abbrev=0", "--match", "v[0-9]*", $"{tag}^");
        return result.Succeeded && result.StandardOutput.Trim() is { Length: > 0 } previous ? previous : null;
    }

    public async Task<IReadOnlyList<string>> SubjectsAsync(string? from, string to, CancellationToken cancellationToken)
    {
        var range = from is null ? to : $"{from}..{to}";
        var result = await Git(cancellationToken, throwOnError: true, "log", "--no-merges", "--format=%s", range);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private Task<ProcessResult> Git(CancellationToken cancellationToken, bool throwOnError, params string[] arguments) =>
        processes.RunAsync("git", arguments, new ProcessOptions { WorkingDirectory = repository, Quiet = true, ThrowOnError = throwOnError }, cancellationToken);
}
