using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Serilog;
using Slipway.Containers.Scanning.Inventory;

namespace Slipway.Containers.Scanning.Advisories;

/// <summary>
/// Asks the OSV API (api.osv.dev) which advisories name the inventoried packages, then fetches those advisories, so
/// that they go through the same matching as the local mirror's. Unreachable (an air-gapped machine) is not an error:
/// the scan goes on with the mirror alone, after a log line, within a few seconds, and says what it could not check.
/// </summary>
public sealed class OsvApiClient(HttpClient http, ILogger log)
{
    public static readonly Uri DefaultEndpoint = new("https://api.osv.dev/");

    /// <summary>How long the first request may take before the API counts as unreachable.</summary>
    public static readonly TimeSpan ReachTimeout = TimeSpan.FromSeconds(5);

    private const int BatchSize = 1000;

    /// <summary>The advisories that name the packages; null when the API did not answer.</summary>
    public async Task<IReadOnlyList<OsvAdvisory>?> QueryAsync(IReadOnlyCollection<Package> packages, CancellationToken cancellationToken)
    {
        var purls = packages.Select(p => p.Purl).Distinct().ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var batch in purls.Chunk(BatchSize))
            {
                var query = new JsonObject { ["queries"] = new JsonArray(batch.Select(p => (JsonNode)new JsonObject { ["package"] = new JsonObject { ["purl"] = p } }).ToArray()) };
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(ReachTimeout * 6);
                using var response = await http.PostAsJsonAsync("v1/querybatch", query, timeout.Token);
                response.EnsureSuccessStatusCode();
                var answer = await response.Content.ReadFromJsonAsync<JsonObject>(timeout.Token);
                foreach (var result in answer?["results"] as JsonArray ?? [])
                foreach (var vuln in result?["vulns"] as JsonArray ?? [])
                    if ((string?)vuln?["id"] is { } id) ids.Add(id);
            }

            var advisories = new List<OsvAdvisory>();
            foreach (var id in ids.Order(StringComparer.Ordinal))
            {
                var advisory = await http.GetFromJsonAsync<OsvAdvisory>($"v1/vulns/{Uri.EscapeDataString(id)}", OsvAdvisory.JsonOptions, cancellationToken);
                if (advisory is not null) advisories.Add(advisory);
            }
            log.Information("OSV API {Endpoint}: {Count} advisories name the {Packages} packages", http.BaseAddress, advisories.Count, purls.Count);
            return advisories;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
        {
            log.Warning("OSV API {Endpoint} not reachable ({Reason}): matching against the advisory directory only", http.BaseAddress, e.Message);
            return null;
        }
    }

    /// <summary>An HTTP client for the API that gives up connecting quickly.</summary>
    public static HttpClient CreateHttpClient(Uri endpoint) =>
        new(new SocketsHttpHandler { ConnectTimeout = ReachTimeout })
        {
            BaseAddress = endpoint,
            Timeout = ReachTimeout * 6,
        };
}
