namespace Slipway.Build.Workflows;

/// <summary>GitHub's hosted runner for each platform, so every platform builds natively instead of under QEMU.</summary>
internal static class PlatformRunners
{
    private static readonly IReadOnlyDictionary<string, string> Runners = new Dictionary<string, string>
    {
        ["linux/amd64"] = "ubuntu-24.04",
        ["linux/arm64"] = "ubuntu-24.04-arm",
    };

    public static MatrixLeg Leg(string workflow, string platform) =>
        Runners.TryGetValue(platform, out var runner)
            ? new MatrixLeg(platform, runner, PlatformArtifacts.Slug(platform))
            : throw new BuildDefinitionException(
                $"[GitHubActions(\"{workflow}\")] Platforms: '{platform}' has no native hosted runner; expected one of {string.Join(", ", Runners.Keys)}.");
}
