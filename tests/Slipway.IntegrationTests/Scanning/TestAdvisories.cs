using System.Text.Json.Nodes;

namespace Slipway.IntegrationTests.Scanning;

/// <summary>A directory of OSV advisories the test writes, naming packages of the image under test. Deleted on dispose.</summary>
public sealed class TestAdvisories : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("slipway-scan-advisories-").FullName;

    public void Add(string id, string ecosystem, string package, string? severity, string? cvss, params JsonObject[] events)
    {
        var advisory = new JsonObject
        {
            ["schema_version"] = "1.6.0",
            ["id"] = id,
            ["modified"] = "2026-01-01T00:00:00Z",
            ["summary"] = $"Test advisory for {package}",
            ["details"] = "Written by Slipway's integration tests; not a real vulnerability.",
            ["affected"] = new JsonArray(new JsonObject
            {
                ["package"] = new JsonObject { ["ecosystem"] = ecosystem, ["name"] = package },
                ["ranges"] = new JsonArray(new JsonObject { ["type"] = "ECOSYSTEM", ["events"] = new JsonArray(events.Cast<JsonNode>().ToArray()) }),
            }),
            ["references"] = new JsonArray(new JsonObject { ["type"] = "ADVISORY", ["url"] = $"https://example.test/advisories/{id}" }),
        };
        if (severity is not null) advisory["database_specific"] = new JsonObject { ["severity"] = severity };
        if (cvss is not null) advisory["severity"] = new JsonArray(new JsonObject { ["type"] = "CVSS_V3", ["score"] = cvss });
        File.WriteAllText(Path.Combine(Directory, id + ".json"), advisory.ToJsonString());
    }

    /// <summary>An OSV record as the test writes it, one file named by its id.</summary>
    public void AddRecord(string id, string json) => File.WriteAllText(Path.Combine(Directory, id + ".json"), json);

    public static JsonObject Introduced(string version) => new() { ["introduced"] = version };
    public static JsonObject Fixed(string version) => new() { ["fixed"] = version };

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
