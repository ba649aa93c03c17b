using Slipway.Containers.Smoke.Suite;

namespace Slipway.Containers.Smoke.Running;

/// <summary>A step as a report shows its request.</summary>
public static class StepDescription
{
    public static string Of(SmokeAction action) => action switch
    {
        HttpAction http => $"{http.Method} {http.Url}"
                           + string.Concat(http.Headers.Select(h => $"{Environment.NewLine}    {h.Key}: {h.Value}"))
                           + (http.Body is { Length: > 0 } body ? $"{Environment.NewLine}    body: {StepAttempt.Excerpt(body)}" : ""),
        TcpAction tcp => $"tcp connect {tcp.Service}:{tcp.Port}",
        ExecAction exec => $"exec in {exec.Service}: {string.Join(' ', exec.Command)}",
        _ => action.ToString(),
    };
}
