using Slipway.Containers.Smoke.Suite;

namespace Slipway.Containers.Smoke.Running;

/// <summary>An HTTP response as the checks see it.</summary>
public sealed record HttpObservation(int Status, IReadOnlyDictionary<string, string> Headers, string Body, TimeSpan Elapsed);

/// <summary>Compares what came back with a step's expectations and takes its captures: pure, so every rule is unit-tested.</summary>
public static class ResponseCheck
{
    public static (IReadOnlyList<string> Problems, IReadOnlyDictionary<string, string> Captured) Http(
        Expectations expect, IReadOnlyDictionary<string, string> captures, HttpObservation response)
    {
        var problems = new List<string>();
        if (expect.Status.Count > 0 ? !expect.Status.Contains(response.Status) : response.Status is < 200 or > 299)
            problems.Add($"status {response.Status}, expected {(expect.Status.Count > 0 ? string.Join(" or ", expect.Status) : "2xx")}");

        var headers = new Dictionary<string, string>(response.Headers, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in expect.Headers)
        {
            if (!headers.TryGetValue(name, out var actual)) problems.Add($"header {name} is missing, expected it to contain '{value}'");
            else if (!actual.Contains(value, StringComparison.OrdinalIgnoreCase)) problems.Add($"header {name} is '{actual}', expected it to contain '{value}'");
        }

        problems.AddRange(Missing(expect.Contains, response.Body, "body"));
        if (expect.Latency is { } budget && response.Elapsed > budget)
            problems.Add($"took {response.Elapsed.TotalMilliseconds:0} ms, over the budget of {budget.TotalMilliseconds:0} ms");

        var captured = new Dictionary<string, string>();
        if (expect.Json.Count > 0 || captures.Count > 0)
        {
            if (JsonBody.TryParse(response.Body) is not { } document)
            {
                problems.Add("the body is not JSON, so its JSONPath expectations and captures can't be read");
                return (problems, captured);
            }
            foreach (var (path, expected) in expect.Json)
            {
                var actual = JsonBody.Select(document, path);
                if (actual != expected) problems.Add(actual is null ? $"{path} matches nothing, expected '{expected}'" : $"{path} is '{actual}', expected '{expected}'");
            }
            foreach (var (name, path) in captures)
            {
                if (JsonBody.Select(document, path) is { } value) captured[name] = value;
                else problems.Add($"capture {name}: {path} matches nothing");
            }
        }
        return (problems, captured);
    }

    public static IReadOnlyList<string> Exec(Expectations expect, int exitCode, string output)
    {
        var problems = new List<string>();
        if (exitCode != 0) problems.Add($"exit code {exitCode}, expected 0");
        problems.AddRange(Missing(expect.Contains, output, "output"));
        return problems;
    }

    private static IEnumerable<string> Missing(IEnumerable<string> expected, string text, string what) =>
        expected.Where(e => !text.Contains(e, StringComparison.Ordinal)).Select(e => $"{what} does not contain '{e}'");
}
