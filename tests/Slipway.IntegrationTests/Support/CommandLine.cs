using System.Diagnostics;

namespace Slipway.IntegrationTests.Support;

public sealed record CommandResult(int ExitCode, string Output, string Error);

/// <summary>Runs a program to completion, capturing its output, and fails with that output when it fails.</summary>
internal static class CommandLine
{
    public static async Task<CommandResult> RunAsync(
        string program,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        // What a test starts runs as from a developer's shell unless the test says otherwise: when this suite itself runs
        // in GitHub Actions (or its rehearsal), the runner's variables would make a nested build a CI run of the runner's ref.
        foreach (var name in startInfo.Environment.Keys.Where(IsRunnerVariable).ToList())
        {
            startInfo.Environment.Remove(name);
        }
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Describe(program, startInfo)} did not finish within {timeout}.");
        }
        return new CommandResult(process.ExitCode, await output, await error);
    }

    public static async Task<string> RunCheckedAsync(
        string program,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout)
    {
        var argumentList = arguments.ToList();
        var result = await RunAsync(program, argumentList, workingDirectory, environment, timeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', argumentList)} exited with {result.ExitCode}.\n{result.Output}\n{result.Error}");
        }
        return result.Output;
    }

    private static string Describe(string program, ProcessStartInfo startInfo) =>
        $"{program} {string.Join(' ', startInfo.ArgumentList)}";

    private static bool IsRunnerVariable(string name) =>
        name == "CI" || name.StartsWith("GITHUB_", StringComparison.Ordinal) || name.StartsWith("RUNNER_", StringComparison.Ordinal)
        || name.StartsWith("ACTIONS_", StringComparison.Ordinal);
}
