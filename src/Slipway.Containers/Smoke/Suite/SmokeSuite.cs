namespace Slipway.Containers.Smoke.Suite;

/// <summary>The checks of one smoke file, as declared.</summary>
public sealed record SmokeSuite(string File, IReadOnlyList<SmokeCheck> Checks);

/// <summary>A named check: its steps run in order, each retried until the check's deadline.</summary>
public sealed record SmokeCheck(string Name, TimeSpan Timeout, IReadOnlyList<SmokeStep> Steps);

/// <summary>One action and what it must show. <paramref name="Captures"/> names JSONPath values that later steps use as <c>${name}</c>.</summary>
public sealed record SmokeStep(string Name, SmokeAction Action, Expectations Expect, IReadOnlyDictionary<string, string> Captures);

public abstract record SmokeAction;

/// <summary>An HTTP request; the URL's host may name a service of the stack and its container port.</summary>
public sealed record HttpAction(string Method, string Url, IReadOnlyDictionary<string, string> Headers, string? Body) : SmokeAction;

/// <summary>A TCP connection to a service's container port.</summary>
public sealed record TcpAction(string Service, int Port) : SmokeAction;

/// <summary>A command run in a service's container with <c>compose exec -T</c>.</summary>
public sealed record ExecAction(string Service, IReadOnlyList<string> Command) : SmokeAction;

/// <summary>
/// What a step must show. <see cref="Contains"/> applies to the HTTP body or the command's output;
/// no <see cref="Status"/> means any 2xx.
/// </summary>
public sealed record Expectations
{
    public IReadOnlyList<int> Status { get; init; } = [];
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> Contains { get; init; } = [];
    public IReadOnlyDictionary<string, string> Json { get; init; } = new Dictionary<string, string>();
    public TimeSpan? Latency { get; init; }
}
