using System.Text.Json.Nodes;
using Slipway.Containers.Scanning.Findings;

namespace Slipway.Containers.Scanning.Advisories;

/// <summary>
/// The severity of an OSV advisory for a package: the rating of its CVSS score (a v4 vector before a v3 one, the
/// affected entry's before the advisory's); without a vector, the level the source states (ecosystem_specific or
/// database_specific severity, as GHSA writes it, or an Ubuntu priority); else unknown.
/// </summary>
public static class AdvisorySeverity
{
    public static (Severity Severity, double? Score) Of(OsvAdvisory advisory, OsvAffected affected)
    {
        var severities = (affected.Severity ?? []).Concat(advisory.Severity ?? []).ToList();
        var score = FirstScore(severities, "CVSS_V4", Cvss4.BaseScore) ?? FirstScore(severities, "CVSS_V3", Cvss3.BaseScore);
        if (score is { } s) return (Severities.FromScore(s), s);
        var stated = Level(affected.EcosystemSpecific) ?? Level(affected.DatabaseSpecific) ?? Level(advisory.DatabaseSpecific)
                     ?? severities.Where(v => v.Type.Equals("Ubuntu", StringComparison.OrdinalIgnoreCase)).Select(v => Severities.Parse(v.Score)).FirstOrDefault(l => l is not null);
        return (stated ?? Severity.Unknown, null);
    }

    private static double? FirstScore(IEnumerable<OsvSeverity> severities, string type, Func<string, double?> score) =>
        severities.Where(s => s.Type.Equals(type, StringComparison.OrdinalIgnoreCase)).Select(s => score(s.Score)).FirstOrDefault(s => s is not null);

    private static Severity? Level(JsonObject? specific) =>
        specific?["severity"] is JsonValue value && value.TryGetValue<string>(out var text) ? Severities.Parse(text) : null;
}
