using System.Diagnostics;
using System.Net.Http.Headers;
using Slipway.Containers.Smoke.Running;
using Slipway.Containers.Smoke.Suite;

namespace Slipway.Containers.Smoke.Steps;

/// <summary>Sends an http step's request, to a service's address when the URL's host names one, and checks the answer.</summary>
public sealed class HttpStepRunner(HttpClient client, IServiceEndpoints endpoints)
{
    public async Task<StepAttempt> RunAsync(HttpAction http, SmokeStep step, CancellationToken cancellationToken)
    {
        var request = StepDescription.Of(http);
        var uri = new Uri(http.Url);
        try
        {
            if (endpoints.IsService(uri.Host))
            {
                var endpoint = await endpoints.PublishedOrNetworkAsync(uri.Host, uri.Port, cancellationToken);
                uri = new UriBuilder(uri) { Host = endpoint.Host, Port = endpoint.Port }.Uri;
                request += $"{Environment.NewLine}    (sent to {endpoint})";
            }

            using var message = new HttpRequestMessage(new HttpMethod(http.Method), uri);
            if (http.Body is not null) message.Content = new StringContent(http.Body);
            foreach (var (name, value) in http.Headers)
            {
                if (message.Headers.TryAddWithoutValidation(name, value)) continue;
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.Remove(name);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }

            var clock = Stopwatch.StartNew();
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            clock.Stop();

            var observation = new HttpObservation((int)response.StatusCode, Headers(response), body, clock.Elapsed);
            var (problems, captured) = ResponseCheck.Http(step.Expect, step.Captures, observation);
            return new StepAttempt(request, problems, observation.Status, StepAttempt.Excerpt(body), captured);
        }
        catch (Exception e) when (e is HttpRequestException or EndpointException)
        {
            return new StepAttempt(request, [$"no response: {Innermost(e).Message}"]);
        }
    }

    private static Dictionary<string, string> Headers(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers)
            .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);

    private static Exception Innermost(Exception e) => e.InnerException is { } inner && e is HttpRequestException ? Innermost(inner) : e;
}
