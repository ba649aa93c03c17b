using System.Net;
using Polly;
using Polly.Retry;

namespace Slipway.Containers.Publishing.Registry;

/// <summary>
/// How a registry's bad moments are ridden out: an idempotent request that meets a 429, a 5xx or a broken connection is
/// sent again with exponential backoff, waiting as long as a Retry-After asks; after the last try the caller reports
/// the registry's own words. Requests that can't be repeated (an upload's POST, a blob streamed once) are sent once.
/// </summary>
public static class RegistryRetries
{
    public const int MaxRetries = 4;

    public static ResiliencePipeline<HttpResponseMessage> Pipeline(TimeSpan firstDelay) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = firstDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Result: { } response } => IsTransient(response.StatusCode),
                    { Exception: HttpRequestException } => true,
                    { Exception: TaskCanceledException } => !args.Context.CancellationToken.IsCancellationRequested,
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>The wait a Retry-After header asks for (seconds or a date), at most a minute; null to back off as usual.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response) =>
        response?.Headers.RetryAfter switch
        {
            { Delta: { } delta } => Clamp(delta),
            { Date: { } date } => Clamp(date - DateTimeOffset.UtcNow),
            _ => null,
        };

    private static TimeSpan Clamp(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait > TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : wait;
}
