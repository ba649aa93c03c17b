using System.Text.Json;
using Slipway.Containers.Scanning.Findings;
using Slipway.Containers.Scanning.Inventory;

namespace Slipway.Containers.Scanning.Advisories.Trivy;

/// <summary>
/// Normalizes Trivy's JSON report (<c>trivy image --format json</c>: Results[].Vulnerabilities[]) into findings.
/// Trivy's Type names the ecosystem of a result (debian, alpine, nuget, dotnet-core, npm, node-pkg, python-pkg, pip…).
/// </summary>
public static class TrivyReport
{
    public static IReadOnlyList<Finding> Normalize(string json, ImageInventory inventory, string origin)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{origin}: not valid JSON ({e.Message}); expected Trivy's JSON report.", e);
        }
        using (document)
        {
            var findings = new List<Finding>();
            if (!document.RootElement.TryGetProperty("Results", out var results)) return findings;
            if (results.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{origin}: field 'Results' is not an array; expected Trivy's JSON report (SchemaVersion 2).");
            foreach (var result in results.EnumerateArray())
            {
                var type = Text(result, "Type") ?? "";
                var target = Text(result, "Target") ?? "";
                if (!result.TryGetProperty("Vulnerabilities", out var vulnerabilities) || vulnerabilities.ValueKind != JsonValueKind.Array) continue;
                foreach (var v in vulnerabilities.EnumerateArray())
                {
                    var id = Text(v, "VulnerabilityID") ?? throw new InvalidDataException($"{origin}: a vulnerability of '{target}' has no VulnerabilityID.");
                    var name = Text(v, "PkgName") ?? throw new InvalidDataException($"{origin}: {id} in '{target}' has no PkgName.");
                    var version = Text(v, "InstalledVersion") ?? "";
                    var ecosystem = Ecosystem(type);
                    var fixedVersion = Text(v, "FixedVersion");
                    findings.Add(new Finding
                    {
                        AdvisoryId = id,
                        Summary = Text(v, "Title"),
                        Details = Text(v, "Description"),
                        Severity = Severities.Parse(Text(v, "Severity")) ?? Severity.Unknown,
                        Score = Score(v),
                        // Trivy may list several fixed versions ("1.2.3, 2.0.1"); the first is the nearest.
                        FixedVersion = string.IsNullOrWhiteSpace(fixedVersion) ? null : fixedVersion.Split(',')[0].Trim(),
                        Url = Text(v, "PrimaryURL"),
                        Service = inventory.Service,
                        Reference = inventory.Reference,
                        Platform = inventory.Platform,
                        Ecosystem = ecosystem,
                        PackageName = name,
                        InstalledVersion = version,
                        Purl = v.TryGetProperty("PkgIdentifier", out var identifier) && Text(identifier, "PURL") is { } purl
                            ? purl
                            : inventory.Packages.FirstOrDefault(p => p.Name == name && p.Version == version)?.Purl ?? $"pkg:generic/{Uri.EscapeDataString(name)}@{Uri.EscapeDataString(version)}",
                        Location = Text(v, "PkgPath") ?? target,
                        Source = "trivy",
                    });
                }
            }
            return findings;
        }
    }

    private static string Ecosystem(string trivyType) => trivyType.ToLowerInvariant() switch
    {
        "debian" or "ubuntu" => Ecosystems.Debian,
        "alpine" => Ecosystems.Alpine,
        "nuget" or "dotnet-core" or "dotnet-deps" or "packages-props" => Ecosystems.NuGet,
        "npm" or "node-pkg" or "yarn" or "pnpm" => Ecosystems.Npm,
        "pip" or "pipenv" or "poetry" or "python-pkg" => Ecosystems.PyPI,
        var other => other,
    };

    /// <summary>The highest CVSS v3 score any source in the report gives.</summary>
    private static double? Score(JsonElement vulnerability)
    {
        if (!vulnerability.TryGetProperty("CVSS", out var cvss) || cvss.ValueKind != JsonValueKind.Object) return null;
        var scores = cvss.EnumerateObject()
            .Select(source => source.Value.ValueKind == JsonValueKind.Object && source.Value.TryGetProperty("V3Score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : (double?)null)
            .OfType<double>().ToList();
        return scores.Count > 0 ? scores.Max() : null;
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
