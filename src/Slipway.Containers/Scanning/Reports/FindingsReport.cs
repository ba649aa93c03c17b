using System.Text.Json.Nodes;
using Slipway.Containers.Scanning.Coverage;
using Slipway.Containers.Scanning.Findings;
using Slipway.Containers.Scanning.Policy;

namespace Slipway.Containers.Scanning.Reports;

/// <summary>artifacts/scan/findings.json: the policy, the outcome, what each image's ecosystems were checked against, and every finding with its status.</summary>
public static class FindingsReport
{
    public static JsonObject Create(PolicyResult result, IReadOnlyList<ImageCoverage> coverage) => new()
    {
        ["threshold"] = result.Settings.Threshold.Label(),
        ["ignoreUnfixed"] = result.Settings.IgnoreUnfixed,
        ["ignoreFile"] = result.Settings.Ignores.Origin,
        ["passed"] = result.Passed,
        ["summary"] = result.Summary,
        ["warnings"] = new JsonArray(result.Warnings.Select(w => (JsonNode)JsonValue.Create(w)).ToArray()),
        ["notChecked"] = ScanCoverage.Unchecked(coverage),
        ["coverage"] = new JsonArray(coverage.Select(image => (JsonNode)new JsonObject
        {
            ["service"] = image.Service,
            ["platform"] = image.Platform,
            ["ecosystems"] = new JsonArray(image.Ecosystems.Select(e => (JsonNode)new JsonObject
            {
                ["ecosystem"] = e.Ecosystem,
                ["packages"] = e.Packages,
                ["checked"] = e.Checked,
                ["detail"] = e.Detail,
            }).ToArray()),
        }).ToArray()),
        ["findings"] = new JsonArray(result.Findings.Select(e => (JsonNode)Finding(e)).ToArray()),
    };

    private static JsonObject Finding(EvaluatedFinding evaluated)
    {
        var f = evaluated.Finding;
        return new JsonObject
        {
            ["id"] = f.AdvisoryId,
            ["aliases"] = new JsonArray(f.Aliases.Select(a => (JsonNode)JsonValue.Create(a)).ToArray()),
            ["severity"] = f.Severity.Label(),
            ["score"] = f.Score,
            ["status"] = evaluated.Status switch
            {
                FindingStatus.Failing => "failing",
                FindingStatus.BelowThreshold => "below-threshold",
                _ => "ignored",
            },
            ["reason"] = evaluated.Reason,
            ["service"] = f.Service,
            ["image"] = f.Reference,
            ["platform"] = f.Platform,
            ["ecosystem"] = f.Ecosystem,
            ["package"] = f.PackageName,
            ["installedVersion"] = f.InstalledVersion,
            ["fixedVersion"] = f.FixedVersion,
            ["purl"] = f.Purl,
            ["location"] = f.Location,
            ["summary"] = f.Summary,
            ["url"] = f.Url,
            ["source"] = f.Source,
        };
    }
}
