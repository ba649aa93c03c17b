using Semver;
using Slipway.Containers.Images;

namespace Slipway.Containers.Publishing.Versioning;

/// <summary>
/// The tags of a build, following docker/metadata-action: <c>v1.2.3</c> → 1.2.3, 1.2, 1, latest (latest only when
/// 1.2.3 is the repository's highest release; no bare major for 0.x); a prerelease → its full version only;
/// a branch → its name (the default branch also edge); a pull request → pr-N; always sha-&lt;7 hex&gt;.
/// </summary>
public static class TagRules
{
    /// <param name="gitRef">What is being built.</param>
    /// <param name="versionOverride">A <c>--version</c> value: replaces whatever the ref says.</param>
    public static ReleaseTags For(GitRef gitRef, string? versionOverride = null)
    {
        var sha = new ImageTag("sha-" + ShortSha(gitRef.Sha), Floating: false);

        if (!string.IsNullOrWhiteSpace(versionOverride))
        {
            var version = ParseVersion(versionOverride.Trim(), requirePrefix: false, $"--version '{versionOverride}'");
            return Release(version, gitTag: null, gitRef.VersionTags, sha);
        }

        switch (gitRef.Kind)
        {
            case RefKind.Tag when IsVersionTag(gitRef.Name):
                return Release(ParseVersion(gitRef.Name, requirePrefix: true, $"git tag '{gitRef.Name}'"), gitRef.Name, gitRef.VersionTags, sha);
            case RefKind.Tag:
                return new ReleaseTags { Tags = [sha, new ImageTag(Sanitize(gitRef.Name), Floating: false)] };
            case RefKind.Branch:
                var branch = new List<ImageTag> { sha, new(Sanitize(gitRef.Name), Floating: true) };
                if (gitRef.Name == gitRef.DefaultBranch) branch.Add(new ImageTag("edge", Floating: true));
                return new ReleaseTags { Tags = branch };
            case RefKind.PullRequest:
                return new ReleaseTags { Tags = [sha, new ImageTag("pr-" + Sanitize(gitRef.Name), Floating: true)] };
            default:
                return new ReleaseTags { Tags = [sha] };
        }
    }

    /// <summary>A tag that claims to be a version: <c>v</c> followed by a digit.</summary>
    public static bool IsVersionTag(string tag) => tag.Length > 1 && tag[0] is 'v' or 'V' && char.IsAsciiDigit(tag[1]);

    /// <summary>Parses <c>vX.Y.Z[-pre][+build]</c> (the <c>v</c> optional unless <paramref name="requirePrefix"/>).</summary>
    public static SemVersion ParseVersion(string text, bool requirePrefix, string source)
    {
        var hasPrefix = text.Length > 0 && text[0] is 'v' or 'V';
        if ((requirePrefix && !hasPrefix) || !TryParse(hasPrefix ? text[1..] : text, out var version))
            throw new InvalidVersionException(
                $"{source} is not a semantic version: expected {(requirePrefix ? "v" : "[v]")}MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD], e.g. v1.2.3 or v1.2.3-rc.1.");
        return version;
    }

    /// <summary>Lowercase, with every character a docker tag cannot hold replaced by '-'.</summary>
    public static string Sanitize(string name) =>
        DockerNames.Tag(name) is { Length: > 0 } tag ? tag : throw new InvalidVersionException($"'{name}' gives an empty image tag once sanitized.");

    private static ReleaseTags Release(SemVersion version, string? gitTag, IReadOnlyList<string> repositoryTags, ImageTag sha)
    {
        var full = Sanitize(version.ToString());
        var tags = new List<ImageTag> { sha, new(full, Floating: false) };
        if (!version.IsPrerelease)
        {
            tags.Add(new ImageTag($"{version.Major}.{version.Minor}", Floating: true));
            if (version.Major > 0) tags.Add(new ImageTag($"{version.Major}", Floating: true));
            if (IsHighestRelease(version, repositoryTags)) tags.Add(new ImageTag("latest", Floating: true));
        }
        return new ReleaseTags { Version = version.ToString(), GitTag = gitTag, IsPrerelease = version.IsPrerelease, Tags = tags };
    }

    /// <summary>True when no valid release tag of the repository is higher (build metadata does not count).</summary>
    private static bool IsHighestRelease(SemVersion version, IReadOnlyList<string> repositoryTags) =>
        repositoryTags
            .Where(IsVersionTag)
            .Select(t => TryParse(t[1..], out var v) ? v : null)
            .Where(v => v is { IsPrerelease: false })
            .All(v => SemVersion.ComparePrecedence(v, version) <= 0);

    /// <summary>SemVer 2.0.0 as written: no leading zeros, no missing parts.</summary>
    public static bool TryParse(string text, out SemVersion version) => SemVersion.TryParse(text, SemVersionStyles.Strict, out version!);

    private static string ShortSha(string sha) =>
        sha.Length >= 7 && sha.All(char.IsAsciiHexDigit)
            ? sha[..7].ToLowerInvariant()
            : throw new InvalidVersionException($"'{sha}' is not a commit hash: expected at least 7 hex digits.");
}
