using System.Text;
using CliWrap;
using Serilog;
using Slipway.Build.Logging;

namespace Slipway.Build.Processes;

/// <summary>Options of one process run.</summary>
public sealed record ProcessOptions
{
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables added to (or, with a null value, removed from) the inherited environment.</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>Text written to the process's standard input, e.g. a password for <c>--password-stdin</c>.</summary>
    public string? StandardInput { get; init; }

    /// <summary>When false a non-zero exit code is returned, not thrown.</summary>
    public bool ThrowOnError { get; init; } = true;

    /// <summary>When true the output is captured but not logged line by line (it is still shown when the process fails).</summary>
    public bool Quiet { get; init; }

    /// <summary>
    /// When true the process writes straight to this process's terminal (for tools that draw progress on a TTY):
    /// nothing is captured or masked, so the runner refuses it while the run has secrets.
    /// </summary>
    public bool InheritConsole { get; init; }
}

public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>A process exited with a non-zero code; the message has the (masked) command and the end of its output.</summary>
public sealed class ProcessFailedException(string message, ProcessResult result) : Exception(message)
{
    public ProcessResult Result { get; } = result;
}

/// <summary>
/// Runs tools: logs the command line and every output line through the run's logger (so secrets are masked
/// there), keeps the output, and kills the process when the target is aborted.
/// </summary>
public sealed partial class ProcessRunner(ILogger log, SecretMasker masker, AbsolutePath workingDirectory)
{
    private const int TailLines = 30;

    public async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, ProcessOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ProcessOptions();
        var args = arguments.ToList();
        var display = masker.Apply(string.Join(' ', args.Prepend(fileName).Select(ShellQuoting.Quote)));
        log.Information("> {Command}", display);

        if (options.InheritConsole) return await RunOnConsoleAsync(fileName, args, options, display, cancellationToken);

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var command = CliWrap.Cli.Wrap(fileName)
            .WithArguments(args)
            .WithWorkingDirectory(options.WorkingDirectory ?? workingDirectory)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => Collect(stdout, line, options.Quiet)))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => Collect(stderr, line, options.Quiet)));
        if (options.Environment is { } environment) command = command.WithEnvironmentVariables(environment);
        if (options.StandardInput is { } input) command = command.WithStandardInputPipe(PipeSource.FromString(input));

        CommandResult result;
        try
        {
            result = await command.ExecuteAsync(cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ProcessFailedException($"Could not start '{fileName}': {e.Message}. Is it installed and on PATH?", new ProcessResult(-1, "", e.Message));
        }

        var processResult = new ProcessResult(result.ExitCode, stdout.ToString(), stderr.ToString());
        if (processResult.Succeeded || !options.ThrowOnError) return processResult;

        var tail = string.Join(Environment.NewLine, (processResult.StandardError + processResult.StandardOutput)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(TailLines));
        throw new ProcessFailedException(masker.Apply($"'{display}' exited with code {result.ExitCode}.{Environment.NewLine}{tail}"), processResult);
    }

    private async Task<ProcessResult> RunOnConsoleAsync(string fileName, List<string> args, ProcessOptions options, string display, CancellationToken cancellationToken)
    {
        if (masker.HasSecrets)
            throw new InvalidOperationException("A process can't write to the console unmasked while the run has secrets.");
        var start = new System.Diagnostics.ProcessStartInfo(fileName, args) { WorkingDirectory = options.WorkingDirectory ?? workingDirectory, UseShellExecute = false };
        foreach (var (name, value) in options.Environment ?? new Dictionary<string, string?>())
            start.Environment[name] = value;
        using var process = System.Diagnostics.Process.Start(start)!;
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var result = new ProcessResult(process.ExitCode, "", "");
        return result.Succeeded || !options.ThrowOnError
            ? result
            : throw new ProcessFailedException($"'{display}' exited with code {process.ExitCode} (its output is above).", result);
    }

    public Task<ProcessResult> RunAsync(string fileName, params string[] arguments) => RunAsync(fileName, arguments, null);

    private void Collect(StringBuilder buffer, string line, bool quiet)
    {
        line = AnsiControl().Replace(line, "");
        lock (buffer) buffer.AppendLine(line);
        if (!quiet) log.Information("{Output}", line);
    }

    /// <summary>Terminal control sequences (colours, line clearing) that tools print even without a TTY.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\x1B\[[0-9;?]*[ -/]*[@-~]")]
    private static partial System.Text.RegularExpressions.Regex AnsiControl();
}
