using System.Text.Json.Nodes;

namespace Slipway.Containers.Publishing.Attestations;

/// <summary>
/// cosign's vulnerability scan predicate (<c>https://cosign.sigstore.dev/attestation/vuln/v1</c>: invocation, scanner with
/// its result, metadata with the scan's times) for one platform manifest. The result is Slipway's findings.json cut to
/// that service and platform, with the policy it was judged by, and names the manifest it is about.
/// </summary>
public static class VulnPredicate
{
    /// <param name="findings">findings.json of the scan that covered the platform.</param>
    /// <param name="scannedAt">When the scan ran (the SBOM's <c>metadata.timestamp</c>).</param>
    public static JsonObject Create(
        string service, string platform, string manifestDigest, JsonObject findings, string scannerVersion, string scannedAt, ScanInvocation invocation) => new()
    {
        ["invocation"] = new JsonObject
        {
            ["parameters"] = null,
            ["uri"] = invocation.Uri,
            ["event_id"] = invocation.EventId,
            ["builder.id"] = invocation.BuilderId,
        },
        ["scanner"] = new JsonObject
        {
            ["uri"] = $"pkg:nuget/Slipway.Containers@{scannerVersion}",
            ["version"] = scannerVersion,
            // The advisories come from OSV (online, or a mirror given by --advisories) or trivy's database; findings name their source.
            ["db"] = new JsonObject { ["uri"] = "", ["version"] = "" },
            ["result"] = new JsonObject
            {
                ["service"] = service,
                ["platform"] = platform,
                ["manifest"] = manifestDigest,
                ["policy"] = new JsonObject
                {
                    ["threshold"] = findings["threshold"]?.DeepClone(),
                    ["ignoreUnfixed"] = findings["ignoreUnfixed"]?.DeepClone(),
                    ["passed"] = findings["passed"]?.DeepClone(),
                },
                ["findings"] = new JsonArray((findings["findings"] as JsonArray ?? [])
                    .OfType<JsonObject>()
                    .Where(f => f["service"]?.GetValue<string>() == service && f["platform"]?.GetValue<string>() == platform)
                    .Select(f => (JsonNode)f.DeepClone())
                    .ToArray()),
            },
        },
        ["metadata"] = new JsonObject { ["scanStartedOn"] = scannedAt, ["scanFinishedOn"] = scannedAt },
    };

    /// <summary>The manifest a vulnerability predicate is about (<c>scanner.result.manifest</c>), or null.</summary>
    public static string? ManifestOf(JsonNode? predicate) => predicate?["scanner"]?["result"]?["manifest"]?.GetValue<string>();
}
