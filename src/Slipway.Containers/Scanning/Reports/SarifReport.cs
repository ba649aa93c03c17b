using System.Text.Json.Nodes;
using Slipway.Containers.Scanning.Findings;
using Slipway.Containers.Scanning.Advisories;
using Slipway.Containers.Scanning.Policy;

namespace Slipway.Containers.Scanning.Reports;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning: one rule per advisory with its security-severity, one result per finding,
/// ignored findings carried as suppressed results.
/// </summary>
public static class SarifReport
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <param name="notChecked">What could not be checked, said to code scanning as a tool notification, so that no result does not read as no vulnerability.</param>
    public static JsonObject Create(PolicyResult result, string toolVersion, string? notChecked = null)
    {
        var advisories = result.Findings.Select(f => f.Finding).GroupBy(f => f.AdvisoryId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var ruleIndex = advisories.Select((g, i) => (g.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var rules = new JsonArray(advisories.Select(g => (JsonNode)Rule(g.OrderByDescending(f => f.Severity).First())).ToArray());
        var results = new JsonArray(result.Findings.Select(f => (JsonNode)Result(f, ruleIndex[f.Finding.AdvisoryId])).ToArray());

        return new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "Slipway",
                        ["version"] = toolVersion,
                        ["informationUri"] = "https://github.com/slipway-build/slipway",
                        ["rules"] = rules,
                    },
                },
                ["results"] = results,
                ["invocations"] = new JsonArray(new JsonObject
                {
                    ["executionSuccessful"] = true,
                    ["toolExecutionNotifications"] = notChecked is null
                        ? new JsonArray()
                        : new JsonArray(new JsonObject { ["level"] = "warning", ["descriptor"] = new JsonObject { ["id"] = "not-checked" }, ["message"] = new JsonObject { ["text"] = notChecked } }),
                }),
            }),
        };
    }

    private static JsonObject Rule(Finding finding)
    {
        var summary = finding.Summary ?? $"{finding.AdvisoryId} in {finding.PackageName}";
        var rule = new JsonObject
        {
            ["id"] = finding.AdvisoryId,
            ["name"] = "ContainerImageVulnerability",
            ["shortDescription"] = new JsonObject { ["text"] = summary },
            ["fullDescription"] = new JsonObject { ["text"] = finding.Details ?? summary },
            ["defaultConfiguration"] = new JsonObject { ["level"] = Level(finding.Severity) },
            ["help"] = new JsonObject
            {
                ["text"] = $"{finding.AdvisoryId} ({finding.Severity.Label()}): {summary}",
                ["markdown"] = $"**{finding.AdvisoryId}** ({finding.Severity.Label()}): {summary}" + (finding.Url is { } u ? $"\n\n[{u}]({u})" : ""),
            },
            ["properties"] = new JsonObject
            {
                ["security-severity"] = Cvss3.Format(finding.Score ?? Severities.RepresentativeScore(finding.Severity)),
                ["precision"] = "very-high",
                ["tags"] = new JsonArray("security", "vulnerability", finding.Severity.Label()),
            },
        };
        if (finding.Url is { } url) rule["helpUri"] = url;
        return rule;
    }

    private static JsonObject Result(EvaluatedFinding evaluated, int ruleIndex)
    {
        var f = evaluated.Finding;
        var fix = f.FixedVersion is { } v ? $"fixed in {v}" : "no fix known";
        var result = new JsonObject
        {
            ["ruleId"] = f.AdvisoryId,
            ["ruleIndex"] = ruleIndex,
            ["level"] = Level(f.Severity),
            ["message"] = new JsonObject
            {
                ["text"] = $"{f.AdvisoryId} ({f.Severity.Label()}) in {f.PackageName} {f.InstalledVersion} ({f.Ecosystem}), {fix}; image {f.Reference} {f.Platform} (service {f.Service}).",
            },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    // Code scanning needs a file location: the package's metadata file inside the image, under the image's name.
                    ["artifactLocation"] = new JsonObject { ["uri"] = $"{f.Reference.Split(':')[0]}/{f.Location}" },
                    ["region"] = new JsonObject { ["startLine"] = 1 },
                },
                ["message"] = new JsonObject { ["text"] = $"{f.Reference} ({f.Platform}): {f.Purl}" },
            }),
            ["partialFingerprints"] = new JsonObject { ["slipway/v1"] = $"{f.Service}|{f.AdvisoryId}|{f.PackageName}|{f.InstalledVersion}|{f.Platform}" },
            ["properties"] = new JsonObject { ["purl"] = f.Purl, ["platform"] = f.Platform, ["service"] = f.Service, ["status"] = evaluated.Status.ToString() },
        };
        if (evaluated.Status == FindingStatus.Ignored)
            result["suppressions"] = new JsonArray(new JsonObject { ["kind"] = "external", ["justification"] = evaluated.Reason });
        return result;
    }

    /// <summary>critical and high are errors, medium warnings, the rest notes (GitHub shows these as the alert's level).</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };
}
