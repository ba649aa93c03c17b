namespace Slipway.GlobalTool.Init;

/// <summary>init's flags as given; null (or empty) where a flag was not given, so that a terminal asks and a script takes the default.</summary>
public sealed record InitOptions
{
    public IReadOnlyList<string> ComposeFiles { get; init; } = [];
    public IReadOnlyList<string>? ComposeProfiles { get; init; }
    public string? Branch { get; init; }
    public IReadOnlyList<string>? Platforms { get; init; }
    public string? Registry { get; init; }
    public string? Source { get; init; }
    public bool Force { get; init; }

    /// <summary>Take the defaults without asking, even on a terminal.</summary>
    public bool Yes { get; init; }
}
