using Slipway.Build;
using Slipway.Containers.Stacks;

namespace Slipway.GlobalTool.Init;

/// <summary>What init found in the repository, as <see cref="InitRunner"/> read it: the planner decides everything from this alone.</summary>
public sealed record InitFacts
{
    public required AbsolutePath WorkingDirectory { get; init; }

    /// <summary>git's top level of the working directory; null when it is not in a git repository.</summary>
    public AbsolutePath? Root { get; init; }

    /// <summary>The compose files given with --compose-file, or else found the way compose finds them; empty when none.</summary>
    public IReadOnlyList<AbsolutePath> ComposeFiles { get; init; } = [];

    /// <summary>Given compose files that do not exist.</summary>
    public IReadOnlyList<AbsolutePath> MissingComposeFiles { get; init; } = [];

    /// <summary>The stack as compose resolved it; null when compose was not asked or rejected it.</summary>
    public StackDefinition? Stack { get; init; }

    /// <summary>What compose said when it rejected the stack.</summary>
    public string? ComposeError { get; init; }

    /// <summary>The content of each file init might write that exists, by path relative to the root ('/' separated).</summary>
    public IReadOnlyDictionary<string, string> ExistingFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>Which of <see cref="Scaffold.ScaffoldFiles.IgnoredFolders"/> git ignores already.</summary>
    public IReadOnlySet<string> IgnoredFolders { get; init; } = new HashSet<string>();

    /// <summary>The file names in the --source folder; null when it does not exist or none was given.</summary>
    public IReadOnlyList<string>? FeedFiles { get; init; }
}
