using System.Text.Json.Nodes;
using Slipway.Containers.Scanning.Findings;

namespace Slipway.Containers.Scanning.Advisories;

/// <summary>
/// The severity of an OSV advisory for a package: a level the source states (the affected entry's, then the
/// advisory's database_specific.severity, as GHSA writes it), else the rating of its CVSS v3 score.
/// </summary>
public static class AdvisorySeverity
{
    public static (Severity Severity, double? Score) Of(OsvAdvisory advisory, OsvAffected affected)
    {
        var score = (affected.Severity ?? []).Concat(advisory.Severity ?? [])
            .Where(s => s.Type.StartsWith("CVSS_V3", StringComparison.OrdinalIgnoreCase))
            .Select(s => Cvss3.BaseScore(s.Score))
            .FirstOrDefault(s => s is not null);
        var stated = Level(affected.EcosystemSpecific) ?? Level(affected.DatabaseSpecific) ?? Level(advisory.DatabaseSpecific);
        return (stated ?? (score is { } s ? Severities.FromScore(s) : Severity.Unknown), score);
    }

    private static Severity? Level(JsonObject? specific) =>
        specific?["severity"] is JsonValue value && value.TryGetValue<string>(out var text) ? Severities.Parse(text) : null;
}
