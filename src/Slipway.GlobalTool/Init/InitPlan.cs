namespace Slipway.GlobalTool.Init;

public enum FileAction
{
    /// <summary>Absent: written.</summary>
    Create,

    /// <summary>Present with other content, and --force: written over.</summary>
    Overwrite,

    /// <summary>Present, and kept as it is (the same content, or a file init only writes when there is none).</summary>
    Keep,

    /// <summary>Lines added to the end of a present file.</summary>
    Append,

    /// <summary>Written by running the new build once, not by init.</summary>
    Generated,
}

/// <param name="Path">Relative to the root, '/' separated.</param>
/// <param name="Content">What to write (for <see cref="FileAction.Append"/>, what to add); null for kept and generated files.</param>
public sealed record PlannedFile(string Path, FileAction Action, string? Content = null, bool Executable = false, string? Note = null);

/// <summary>What init will do, decided before anything is written.</summary>
public sealed record InitPlan(Slipway.Build.AbsolutePath Root, IReadOnlyList<PlannedFile> Files, IReadOnlyList<string> Warnings)
{
    public IEnumerable<PlannedFile> ToWrite => Files.Where(f => f.Action is FileAction.Create or FileAction.Overwrite or FileAction.Append);
}

/// <summary>Init will not go on; nothing has been written. The message says what is wrong and what to do.</summary>
public sealed class InitRefusedException(string message, IReadOnlyList<string>? conflicts = null) : Exception(message)
{
    /// <summary>Files that exist with other content: the refusal --force (or a yes on a terminal) lifts.</summary>
    public IReadOnlyList<string> Conflicts { get; } = conflicts ?? [];
}
