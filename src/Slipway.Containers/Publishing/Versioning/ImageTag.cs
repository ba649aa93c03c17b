using Slipway.Build;

namespace Slipway.Containers.Publishing.Versioning;

/// <summary>
/// One tag to give every image. Floating tags (<c>1.2</c>, <c>1</c>, <c>latest</c>, <c>edge</c>, a branch, a PR)
/// move from release to release; fixed ones (<c>sha-…</c>, the full version) name one build for good.
/// </summary>
public sealed record ImageTag(string Name, bool Floating)
{
    public override string ToString() => Name;
}

/// <summary>The version of a build and the tags it gets.</summary>
public sealed record ReleaseTags
{
    /// <summary>The semantic version (e.g. <c>1.2.3-rc.1</c>), or null for a branch, PR or commit build.</summary>
    public string? Version { get; init; }

    /// <summary>The git tag the version came from (e.g. <c>v1.2.3</c>); null when it did not come from a tag.</summary>
    public string? GitTag { get; init; }

    public bool IsPrerelease { get; init; }

    /// <summary>The tags in the order they must be set: fixed ones first, floating ones last.</summary>
    public required IReadOnlyList<ImageTag> Tags { get; init; }

    public IEnumerable<ImageTag> FixedTags => Tags.Where(t => !t.Floating);
    public IEnumerable<ImageTag> FloatingTags => Tags.Where(t => t.Floating);
}

/// <summary>A version tag or a <c>--version</c> value is not a semantic version.</summary>
public sealed class InvalidVersionException(string message) : InputException(message);
