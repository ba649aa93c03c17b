using System.Text.RegularExpressions;

namespace Slipway.Containers.Machine.Checks;

/// <summary>Reads the version out of what <c>docker buildx version</c>, <c>docker compose version</c> and the engine print.</summary>
public static partial class ToolVersion
{
    public static readonly Version MinimumEngine = new(24, 0);
    public static readonly Version MinimumBuildx = new(0, 12);
    public static readonly Version MinimumCompose = new(2, 20);

    /// <summary>
    /// The first dotted version in the text, with a leading <c>v</c> and any suffix (<c>+ds1</c>, <c>-4</c>, <c>-desktop.1</c>) dropped:
    /// <c>github.com/docker/buildx v0.12.1 30feaa1</c> → 0.12.1, <c>Docker Compose version 2.26.1-4</c> → 2.26.1.
    /// </summary>
    public static Version? Parse(string? output)
    {
        if (string.IsNullOrWhiteSpace(output)) return null;
        var match = VersionPattern().Match(output);
        if (!match.Success) return null;
        var major = int.Parse(match.Groups["major"].Value);
        var minor = int.Parse(match.Groups["minor"].Value);
        return match.Groups["patch"].Success ? new Version(major, minor, int.Parse(match.Groups["patch"].Value)) : new Version(major, minor);
    }

    /// <summary>True when the version is at least the minimum; a missing version never is.</summary>
    public static bool IsAtLeast(Version? version, Version minimum) => version is not null && Normalize(version) >= Normalize(minimum);

    /// <summary>"0.13.1", or "0.12" when there was no patch number.</summary>
    public static string Format(Version version) => version.ToString(version.Build >= 0 ? 3 : 2);

    // Version(2, 20) compares below Version(2, 20, 0); both mean the same release here.
    private static Version Normalize(Version v) => new(v.Major, v.Minor, Math.Max(v.Build, 0));

    // A version stands alone as a word: "buildx" in a path or a commit hash after it must not match.
    [GeneratedRegex(@"(?<![\w.])v?(?<major>\d+)\.(?<minor>\d+)(?:\.(?<patch>\d+))?")]
    private static partial Regex VersionPattern();
}
