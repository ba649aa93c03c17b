using Slipway.Build;
using Slipway.GlobalTool.Scaffold;

namespace Slipway.GlobalTool.Init;

/// <summary>Every choice init makes: each has a flag, a question on a terminal, and a default.</summary>
public sealed record InitChoices
{
    public IReadOnlyList<string> ComposeProfiles { get; init; } = [];

    public string Branch { get; init; } = "main";

    public IReadOnlyList<string> Platforms { get; init; } = CiSettings.DefaultPlatforms;

    public string Registry { get; init; } = CiSettings.GitHubRegistry;

    /// <summary>A local feed with Slipway's packages, named in nuget.config; null for the usual sources.</summary>
    public AbsolutePath? Source { get; init; }

    /// <summary>Overwrite files that exist with other content.</summary>
    public bool Force { get; init; }

    public CiSettings Ci => new(Branch, Platforms, Registry);
}
