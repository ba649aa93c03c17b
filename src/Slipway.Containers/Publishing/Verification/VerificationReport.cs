using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.Containers.Publishing.Verification;

/// <summary>artifacts/verification.json, and the Markdown table for the step summary.</summary>
public static class VerificationReport
{
    public static JsonObject Create(VerificationResult result) => new()
    {
        ["registry"] = result.Registry,
        ["trusted"] = result.Trusted,
        ["passed"] = result.Passed,
        ["images"] = new JsonArray(result.Digests.Select(d => (JsonNode)new JsonObject
        {
            ["service"] = d.Service,
            ["image"] = d.Image,
            ["digest"] = d.Digest,
            ["tags"] = Strings(d.Tags),
            ["platforms"] = new JsonObject(d.Platforms.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            ["signatures"] = d.Signatures,
            ["sbomAttested"] = Strings(d.SbomPlatforms),
            ["scanAttested"] = Strings(d.ScanPlatforms),
            ["buildxAttestations"] = Strings(d.BuildxAttested),
            ["problems"] = Strings(d.Problems),
        }).ToArray()),
        ["missingTags"] = Strings(result.MissingTags),
    };

    public static void Write(VerificationResult result, string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, Create(result).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    public static string Markdown(VerificationResult result)
    {
        var text = new StringBuilder($"### Verified images\n\nAgainst {result.Trusted}, from {result.Registry}.\n\n| service | digest | tags | signed | SBOM | scan | buildx provenance |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var d in result.Digests)
            text.Append($"| {d.Service} | `{d.Digest}` | {string.Join(", ", d.Tags)} | {(d.Signatures > 0 ? "yes" : "**no**")} | " +
                        $"{Coverage(d.SbomPlatforms, d.Platforms.Count)} | {Coverage(d.ScanPlatforms, d.Platforms.Count)} | {Coverage(d.BuildxAttested, d.Platforms.Count)} |\n");
        if (!result.Passed) text.Append('\n').Append(string.Concat(result.Problems.Select(p => $"- {p}\n")));
        return text.ToString();
    }

    private static string Coverage(IReadOnlyList<string> platforms, int of) => $"{platforms.Count}/{of}";

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
