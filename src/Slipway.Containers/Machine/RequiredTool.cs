namespace Slipway.Containers.Machine;

/// <summary>
/// A program a build needs and the Debian/Ubuntu package that provides it. <paramref name="FromNewerRelease"/>: a package
/// Debian 12 lacks or has too old (cosign), selected from trixie there by name.
/// </summary>
public sealed record RequiredTool(string Command, string Package, bool FromNewerRelease = false);
