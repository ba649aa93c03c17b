using Slipway.Build.Processes;
using Slipway.Build;
using Slipway.Containers.Git;

namespace Slipway.Containers.Publishing.Release;

/// <summary>The previous version tag and the commit subjects since it, from git.</summary>
public sealed class GitHistory(ProcessRunner processes, AbsolutePath repository)
{
    private readonly GitCommands _git = new(processes, repository);

    /// <summary>The nearest v* tag reachable from the tag's parent commit, or null for the first release.</summary>
    public async Task<string?> PreviousTagAsync(string tag, CancellationToken cancellationToken)
    {
        return (await _git.OutputOrNullAsync(cancellationToken, "describe", "--tags", "--abbrev=0", "--match", "v[0-9]*", $"{tag}^"))?.Trim() is { Length: > 0 } previous ? previous : null;
    }

    public async Task<IReadOnlyList<string>> SubjectsAsync(string? from, string to, CancellationToken cancellationToken)
    {
        var range = from is null ? to : $"{from}..{to}";
        return GitCommands.Lines(await _git.OutputAsync(cancellationToken, "log", "--no-merges", "--format=%s", range));
    }
}
