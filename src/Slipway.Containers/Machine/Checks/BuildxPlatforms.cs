using Slipway.Containers.Images;

namespace Slipway.Containers.Machine.Checks;

/// <summary>The platforms <c>docker buildx inspect</c> says the builder can build for (its "Platforms:" lines).</summary>
public static class BuildxPlatforms
{
    public static IReadOnlySet<PlatformName> Parse(string inspectOutput) =>
        inspectOutput.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("Platforms:", StringComparison.OrdinalIgnoreCase))
            .SelectMany(line => line["Platforms:".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(p => p.TrimEnd('*'))
            .Select(PlatformName.Parse)
            .ToHashSet();
}
