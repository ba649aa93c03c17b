using System.Text.RegularExpressions;
using Slipway.Containers.Images;
using Slipway.Containers.Scanning.Inventory.Layers;

namespace Slipway.Containers.Scanning.Inventory.Catalogers;

/// <summary>An Alpine image's version ("3.19.1") and its branch ("3.19", which OSV names Alpine:v3.19).</summary>
public sealed partial record AlpineRelease(string Version, string Branch)
{
    public const string File = "etc/alpine-release";

    /// <summary>From etc/alpine-release, as apk's own tools read it, else from os-release's VERSION_ID; null when neither gives a version.</summary>
    public static AlpineRelease? Of(ImageFiles files, OsRelease? os) =>
        Parse(files.Text(File)?.Split('\n')[0].Trim()) ?? Parse(os?.VersionId);

    private static AlpineRelease? Parse(string? version) =>
        version is not null && MajorMinor().Match(version) is { Success: true } match ? new AlpineRelease(version, match.Value) : null;

    [GeneratedRegex(@"^\d+\.\d+")]
    private static partial Regex MajorMinor();
}
