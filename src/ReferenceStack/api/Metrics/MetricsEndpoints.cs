using System.Diagnostics;

namespace Stack.Api.Metrics;

internal static class MetricsEndpoints
{
    private static readonly HashSet<string> KnownMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    /// <summary>Times every request; the route label is the matched pattern so ids do not multiply the series.</summary>
    public static void UseRequestMetrics(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<RequestMetrics>();
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            var failed = false;
            try
            {
                await next(context);
            }
            catch
            {
                failed = true;
                throw;
            }
            finally
            {
                var method = KnownMethods.Contains(context.Request.Method) ? context.Request.Method : "OTHER";
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
                var status = failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
                metrics.Record(method, route, status, Stopwatch.GetElapsedTime(started));
            }
        });
    }

    public static void MapMetrics(this IEndpointRouteBuilder app) =>
        app.MapGet("/metrics", (RequestMetrics metrics) =>
            Results.Text(metrics.Render(), "text/plain; version=0.0.4; charset=utf-8"));
}
