namespace Stack.Api.Health;

internal static class HealthEndpoints
{
    private const string Up = "up";
    private const string Down = "down";

    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        // Liveness says only that the process serves requests: a database outage must not get the api restarted.
        app.MapGet("/health/live", () => Results.Ok(new { status = Up }));

        app.MapGet("/health/ready", async (ReadinessProbe probe, CancellationToken ct) =>
        {
            var database = probe.DatabaseIsUpAsync(ct);
            var cache = probe.CacheIsUpAsync(ct);
            var ready = await database & await cache;
            var body = new
            {
                status = ready ? Up : Down,
                version = AppVersion.Current,
                components = new { database = await database ? Up : Down, cache = await cache ? Up : Down },
            };
            return Results.Json(body, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
    }
}
