using System.Text.Json;
using System.Text.RegularExpressions;
using Slipway.IntegrationTests.Support;
using Slipway.Tests.Shared;

namespace Slipway.IntegrationTests.Chain;

/// <summary>One run of <c>./build.sh</c> from the repository root: what a user types, with its output and exit code.</summary>
public sealed partial record BuildRun(int ExitCode, string Output)
{
    /// <summary>The compose project the run started, from ComposeUp's "Starting project" line.</summary>
    public string? ProjectName => StartingProject().Match(Output) is { Success: true } match ? match.Groups[1].Value : null;

    public override string ToString() => $"exit code {ExitCode}\n{Output}";

    [GeneratedRegex(@"Starting project (\S+)")]
    private static partial Regex StartingProject();
}

internal static class BuildScript
{
    public static string Root { get; } = RepositoryRoot.Find();

    public static Task<BuildRun> RunAsync(params string[] arguments) => RunAsync(new Dictionary<string, string>(), arguments);

    public static async Task<BuildRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        // No TTY here: buildx prints plain progress through Slipway's log, as in CI.
        var result = await CommandLine.RunAsync(Path.Combine(Root, "build.sh"), arguments, Root,
            new Dictionary<string, string>(environment) { ["NO_COLOR"] = "1" }, TimeSpan.FromMinutes(40));
        return new BuildRun(result.ExitCode, result.Output + result.Error);
    }

    public static JsonDocument ImagesReport() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "artifacts", "images.json")));

    /// <summary>Containers, networks and volumes that carry the compose project's label.</summary>
    public static async Task<string> ResourcesOfProjectAsync(string project)
    {
        var label = $"label=com.docker.compose.project={project}";
        var lines = new List<string>();
        foreach (var (kind, name) in new[] { (new[] { "ps", "-a" }, "{{.Names}}"), (["network", "ls"], "{{.Name}}"), (["volume", "ls"], "{{.Name}}") })
        {
            var output = await CommandLine.RunCheckedAsync("docker", [.. kind, "--filter", label, "--format", name], Root,
                new Dictionary<string, string>(), TimeSpan.FromMinutes(1));
            lines.AddRange(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        return string.Join(", ", lines);
    }
}
