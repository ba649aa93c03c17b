namespace Slipway.GlobalTool.Scaffold;

/// <summary>What the generated workflows need to know: the branch ci runs on, the platforms, the registry releases go to.</summary>
public sealed record CiSettings(string Branch, IReadOnlyList<string> Platforms, string Registry)
{
    public const string GitHubRegistry = "ghcr.io/${{ github.repository_owner }}";

    public static readonly IReadOnlyList<string> DefaultPlatforms = ["linux/amd64", "linux/arm64"];

    /// <summary>GitHub's registry takes the workflow's own token; any other takes repository secrets and a variable.</summary>
    public bool UsesGitHubRegistry => Registry.StartsWith("ghcr.io/", StringComparison.OrdinalIgnoreCase);
}
