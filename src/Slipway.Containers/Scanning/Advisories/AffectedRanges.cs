using Slipway.Containers.Scanning.Versions;

namespace Slipway.Containers.Scanning.Advisories;

/// <summary>Whether a version lies in an OSV "affected" entry: its explicit versions, or its SEMVER/ECOSYSTEM ranges.</summary>
public static class AffectedRanges
{
    public sealed record Verdict(bool Affected, string? FixedVersion, bool Evaluated);

    /// <param name="ecosystemScheme">The ordering of the package's ecosystem, used by ECOSYSTEM ranges and to compare listed versions.</param>
    public static Verdict Evaluate(string version, OsvAffected affected, IVersionScheme? ecosystemScheme)
    {
        var listed = (affected.Versions ?? []).Any(v => v == version || (ecosystemScheme is not null && ecosystemScheme.TryCompare(v, version, out var o) && o == 0));
        var evaluated = affected.Versions is { Count: > 0 };
        var affectedByRange = false;
        string? fixedVersion = null;
        foreach (var range in affected.Ranges ?? [])
        {
            var scheme = range.Type.ToUpperInvariant() switch
            {
                "SEMVER" => SemVerScheme.Scheme,
                "ECOSYSTEM" => ecosystemScheme,
                _ => null, // GIT ranges name commits, which an installed package does not carry.
            };
            if (scheme is null || !TryEvaluate(version, range.Events, scheme, out var inRange, out var rangeFix)) continue;
            evaluated = true;
            affectedByRange |= inRange;
            if (inRange && rangeFix is not null && (fixedVersion is null || (scheme.TryCompare(rangeFix, fixedVersion, out var o) && o < 0)))
                fixedVersion = rangeFix;
        }
        if (listed && fixedVersion is null) fixedVersion = FirstFixAbove(version, affected, ecosystemScheme);
        return new Verdict(listed || affectedByRange, fixedVersion, evaluated);
    }

    /// <summary>
    /// OSV's evaluation: walk the events in version order; introduced opens, fixed (at or below the version) closes,
    /// last_affected (below the version) closes. False when a version of the range cannot be read by the scheme.
    /// </summary>
    private static bool TryEvaluate(string version, IReadOnlyList<OsvEvent> events, IVersionScheme scheme, out bool affected, out string? fixedVersion)
    {
        affected = false;
        fixedVersion = null;
        var points = events.Select(e => (Event: e, Version: e.Introduced ?? e.Fixed ?? e.LastAffected ?? e.Limit)).Where(p => p.Version is not null).ToList();
        if (!scheme.TryCompare(version, version, out _)) return false;
        foreach (var (_, v) in points)
            if (v != "0" && !scheme.TryCompare(v!, version, out _)) return false;

        int Compare(string a, string b) => a == b ? 0 : a == "0" ? -1 : b == "0" ? 1 : scheme.TryCompare(a, b, out var o) ? o : 0;
        points.Sort((x, y) => Compare(x.Version!, y.Version!));
        foreach (var (e, v) in points)
        {
            if (e.Introduced is not null && Compare(version, v!) >= 0) affected = true;
            else if (e.Fixed is not null && Compare(version, v!) >= 0) affected = false;
            else if (e.LastAffected is not null && Compare(version, v!) > 0) affected = false;
        }
        if (affected)
            fixedVersion = points.Where(p => p.Event.Fixed is not null && Compare(p.Version!, version) > 0).Select(p => p.Version).FirstOrDefault();
        return true;
    }

    private static string? FirstFixAbove(string version, OsvAffected affected, IVersionScheme? scheme) =>
        scheme is null
            ? null
            : (affected.Ranges ?? []).SelectMany(r => r.Events).Select(e => e.Fixed).OfType<string>()
                .Where(f => scheme.TryCompare(f, version, out var o) && o > 0)
                .OrderBy(f => f, Comparer<string>.Create((a, b) => scheme.TryCompare(a, b, out var o) ? o : 0))
                .FirstOrDefault();
}
