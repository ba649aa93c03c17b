using Slipway.Containers.Scanning.Advisories;

namespace Slipway.Containers.Tests.Scanning.Support;

/// <summary>OSV advisories written the way feeds write them, parsed by the production reader.</summary>
internal static class Osv
{
    public static OsvAdvisory Parse(string json)
    {
        var file = Path.Combine(Path.GetTempPath(), $"slipway-osv-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        try
        {
            return AdvisoryDirectory.LoadFile(file).Single();
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>One advisory naming one package with one range of events.</summary>
    public static OsvAdvisory Range(string id, string ecosystem, string name, string type, string events, string? extra = null) => Parse($$"""
        {
          "id": "{{id}}",
          "summary": "{{id}} summary",
          "affected": [ { "package": { "ecosystem": "{{ecosystem}}", "name": "{{name}}" },
                          "ranges": [ { "type": "{{type}}", "events": [ {{events}} ] } ] } ]
          {{extra}}
        }
        """);
}
