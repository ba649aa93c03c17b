using CliWrap;

namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>Runs a job's processes with their output in the job's log (not on the console), as a runner keeps a step's output.</summary>
public static class JobProcess
{
    /// <returns>The exit code; cancelling kills the process and everything it started.</returns>
    public static async Task<int> RunAsync(JobLog log, string program, IReadOnlyList<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        try
        {
            var result = await CliWrap.Cli.Wrap(program)
                .WithArguments(arguments)
                .WithWorkingDirectory(workingDirectory)
                .WithEnvironmentVariables(environment)
                .WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(PipeTarget.ToDelegate(log.Write))
                .WithStandardErrorPipe(PipeTarget.ToDelegate(log.Write))
                .ExecuteAsync(cancellationToken);
            return result.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new StepFailedException($"Could not start '{program}': {e.Message}.");
        }
    }

    /// <summary>A command that must succeed; its failure fails the step with the command and its last lines.</summary>
    public static async Task RunCheckedAsync(JobLog log, string program, IReadOnlyList<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        log.Note($"[command]{program} {string.Join(' ', arguments)}");
        var exitCode = await RunAsync(log, program, arguments, workingDirectory, environment, cancellationToken);
        if (exitCode != 0) throw new StepFailedException($"'{program} {string.Join(' ', arguments)}' exited with code {exitCode}{(log.LastLine() is { } last ? $": {last}" : "")}");
    }
}
