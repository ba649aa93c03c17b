namespace Slipway.Build.Workflows;

/// <summary>One job: the targets it runs, the jobs it waits for, where it runs and its steps.</summary>
public sealed record Job(
    string Id,
    IReadOnlyList<string> Targets,
    IReadOnlyList<string> Needs,
    IReadOnlyList<string> RunsOn,
    IReadOnlyList<MatrixLeg> Matrix,
    IReadOnlyList<Permission> Permissions,
    string? Environment,
    int TimeoutMinutes,
    IReadOnlyList<Step> Steps)
{
    /// <summary>Secrets as environment entries of this job alone.</summary>
    public IReadOnlyList<EnvironmentVariable> Secrets { get; init; } = [];

    public bool IsMatrix => Matrix.Count > 0;

    public IEnumerable<string> RunLines => Steps.Where(s => s.Run is not null).Select(s => s.Run!);
}

/// <summary>One platform of a per-platform job: <paramref name="Slug"/> names its artifacts (<c>linux-arm64</c>).</summary>
public sealed record MatrixLeg(string Platform, string Runner, string Slug);

/// <summary>A step runs an action (<paramref name="Uses"/> with <see cref="With"/>) or a command (<paramref name="Run"/>).</summary>
public sealed record Step(string Name, string? Uses = null, string? Run = null, string? If = null)
{
    /// <summary>The release tag of a pinned action, written as a comment beside its SHA.</summary>
    public string? UsesVersion { get; init; }

    /// <summary>Action inputs: strings, whole numbers or booleans.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> With { get; init; } = [];
}
