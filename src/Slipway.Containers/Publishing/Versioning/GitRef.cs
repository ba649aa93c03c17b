namespace Slipway.Containers.Publishing.Versioning;

/// <summary>What triggered the build, as metadata-action distinguishes it.</summary>
public enum RefKind
{
    /// <summary>A tag points at the built commit.</summary>
    Tag,
    Branch,
    PullRequest,

    /// <summary>A detached HEAD with no tag: only the commit identifies the build.</summary>
    Commit,
}

/// <summary>
/// The git facts that decide the image tags: the ref being built, the commit, the default branch, and every
/// <c>v*</c> tag of the repository (to decide whether a release is the highest and takes <c>latest</c>).
/// </summary>
public sealed record GitRef
{
    public required RefKind Kind { get; init; }

    /// <summary>The tag or branch name; for a pull request its number.</summary>
    public required string Name { get; init; }

    /// <summary>The full commit hash.</summary>
    public required string Sha { get; init; }

    public string? DefaultBranch { get; init; }

    /// <summary>All tags of the repository that start with <c>v</c>, valid or not.</summary>
    public IReadOnlyList<string> VersionTags { get; init; } = [];
}
