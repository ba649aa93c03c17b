using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Stack.Api.Metrics;

/// <summary>Request counts and durations per method, route and status, rendered in Prometheus' text format.</summary>
internal sealed class RequestMetrics
{
    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly ConcurrentDictionary<SeriesKey, Series> series = new();

    public void Record(string method, string route, int status, TimeSpan duration) =>
        series.GetOrAdd(new SeriesKey(method, route, status), _ => new Series()).Observe(duration.TotalSeconds);

    public string Render()
    {
        var snapshot = series
            .Select(entry => (Key: entry.Key, Value: entry.Value.Snapshot()))
            .OrderBy(entry => entry.Key.Route, StringComparer.Ordinal)
            .ThenBy(entry => entry.Key.Method, StringComparer.Ordinal)
            .ThenBy(entry => entry.Key.Status)
            .ToList();

        var text = new StringBuilder();
        text.Append("# HELP http_requests_total Requests handled, by method, route and status code.\n");
        text.Append("# TYPE http_requests_total counter\n");
        foreach (var (key, value) in snapshot)
        {
            text.Append($"http_requests_total{{{key.Labels()}}} {value.Count}\n");
        }

        text.Append("# HELP http_request_duration_seconds Time to handle a request, by method, route and status code.\n");
        text.Append("# TYPE http_request_duration_seconds histogram\n");
        foreach (var (key, value) in snapshot)
        {
            var labels = key.Labels();
            for (var i = 0; i < Buckets.Length; i++)
            {
                text.Append($"http_request_duration_seconds_bucket{{{labels},le=\"{Format(Buckets[i])}\"}} {value.BucketCounts[i]}\n");
            }
            text.Append($"http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {value.Count}\n");
            text.Append($"http_request_duration_seconds_sum{{{labels}}} {Format(value.Sum)}\n");
            text.Append($"http_request_duration_seconds_count{{{labels}}} {value.Count}\n");
        }
        return text.ToString();
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private sealed record SeriesKey(string Method, string Route, int Status)
    {
        public string Labels() => $"method=\"{Escape(Method)}\",route=\"{Escape(Route)}\",status=\"{Status}\"";

        private static string Escape(string value) =>
            value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
    }

    private sealed record SeriesSnapshot(long Count, double Sum, long[] BucketCounts);

    /// <summary>Cumulative bucket counts as Prometheus expects them (each bucket counts every observation at or below it).</summary>
    private sealed class Series
    {
        private readonly Lock gate = new();
        private readonly long[] bucketCounts = new long[Buckets.Length];
        private long count;
        private double sum;

        public void Observe(double seconds)
        {
            lock (gate)
            {
                count++;
                sum += seconds;
                for (var i = 0; i < Buckets.Length; i++)
                {
                    if (seconds <= Buckets[i])
                    {
                        bucketCounts[i]++;
                    }
                }
            }
        }

        public SeriesSnapshot Snapshot()
        {
            lock (gate)
            {
                return new SeriesSnapshot(count, sum, (long[])bucketCounts.Clone());
            }
        }
    }
}
