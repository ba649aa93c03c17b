using Serilog;
using Slipway.Build.Execution;
using Slipway.Build.Processes;
using Slipway.Containers.Engine;

namespace Slipway.Containers.Machine.Setup;

/// <summary>Runs setup steps on this machine, logging each with the command it stands for.</summary>
public sealed class SetupRunner(ILogger log, ProcessRunner processes)
{
    private static readonly TimeSpan EngineStartTimeout = TimeSpan.FromSeconds(90);

    public async Task RunAsync(IReadOnlyList<SetupStep> steps, CancellationToken ct)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            log.Information("Step {Number}/{Count}: {Description}", i + 1, steps.Count, step.Description);
            try
            {
                await RunAsync(step, ct);
            }
            catch (Exception e) when (e is ProcessFailedException or IOException or UnauthorizedAccessException or TimeoutException)
            {
                throw new TargetFailedException($"Restore could not {step.Description}: {e.Message}\nThe step was: {step.ShellText}");
            }
        }
    }

    private Task RunAsync(SetupStep step, CancellationToken ct) => step switch
    {
        CommandStep command => processes.RunAsync(command.FileName, command.Arguments, cancellationToken: ct),
        AptInstallStep install => InstallAsync(install, ct),
        WriteFileStep write => WriteFileAsync(write, ct),
        RegisterBinfmtStep register => RegisterBinfmtAsync(register, ct),
        StartDockerdStep start => StartDockerdAsync(start, ct),
        StopDockerdStep stop => StopDockerdAsync(stop, ct),
        _ => throw new TargetFailedException($"Restore cannot {step.Description} by itself: {step.ShellText}"),
    };

    /// <summary>Simulates the install first and refuses it when it would replace an installed package.</summary>
    private async Task InstallAsync(AptInstallStep step, CancellationToken ct)
    {
        var simulated = await processes.RunAsync("apt-get", step.SimulateArguments,
            new ProcessOptions { Environment = new Dictionary<string, string?> { ["LC_ALL"] = "C" }, ThrowOnError = false, Quiet = true }, ct);
        if (!simulated.Succeeded)
            throw new TargetFailedException($"Restore did not {step.Description}: apt refuses the install (apt-get -s exited with {simulated.ExitCode}):\n"
                                            + AptSimulation.Complaints(simulated.StandardOutput + "\n" + simulated.StandardError));
        var simulation = AptSimulation.Parse(simulated.StandardOutput);
        if (step.Refusal(simulation) is { } refusal) throw new TargetFailedException(refusal);
        log.Information("apt-get -s: the install adds {Count} packages ({Packages}) and replaces none", simulation.Added.Count, string.Join(" ", simulation.Added));

        var environment = AptInstallStep.Environment.ToDictionary(e => e.Key, string? (e) => e.Value);
        await processes.RunAsync("apt-get", step.Arguments, new ProcessOptions { Environment = environment }, ct);
    }

    private async Task WriteFileAsync(WriteFileStep step, CancellationToken ct)
    {
        log.Information("> {Command}", step.ShellText);
        if (IsKernelFile(step.Path))
        {
            await WriteKernelFileAsync(step.Path, step.Content, ct);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(step.Path)!);
        await File.WriteAllTextAsync(step.Path, step.Content, ct);
    }

    private async Task RegisterBinfmtAsync(RegisterBinfmtStep step, CancellationToken ct)
    {
        log.Information("> {Command}", step.ShellText);
        var line = (await File.ReadAllLinesAsync(step.ConfigurationFile, ct)).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'))
                   ?? throw new IOException($"{step.ConfigurationFile} has no handler line.");
        await WriteKernelFileAsync(RegisterBinfmtStep.RegisterFile, line, ct);
    }

    // The kernel takes a /proc file's value from one write() into the existing file: no truncation, no buffering in pieces.
    private static async Task WriteKernelFileAsync(string path, string content, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(content), ct);
    }

    private static bool IsKernelFile(string path) => path.StartsWith("/proc/", StringComparison.Ordinal) || path.StartsWith("/sys/", StringComparison.Ordinal);

    private async Task StartDockerdAsync(StartDockerdStep step, CancellationToken ct)
    {
        // apt's post-install script may have started the engine already.
        if (await EngineAnswersAsync(ct))
        {
            log.Information("The Docker engine already answers.");
            return;
        }

        if (step.UseSystemd) await processes.RunAsync("systemctl", ["enable", "--now", "docker"], cancellationToken: ct);
        else await processes.RunAsync("sh", ["-c", step.ShellText], cancellationToken: ct);

        var deadline = DateTime.UtcNow + EngineStartTimeout;
        while (!await EngineAnswersAsync(ct))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"the engine did not answer within {EngineStartTimeout.TotalSeconds:0} s" + (step.UseSystemd ? "; see journalctl -u docker" : $"; see {StartDockerdStep.LogFile}"));
            await Task.Delay(500, ct);
        }

        log.Information("The Docker engine answers.");
    }

    private async Task StopDockerdAsync(StopDockerdStep step, CancellationToken ct)
    {
        if (step.UseSystemd)
        {
            await processes.RunAsync("systemctl", ["stop", "docker"], cancellationToken: ct);
            return;
        }

        if (!File.Exists(StopDockerdStep.PidFile)) return;
        var pid = (await File.ReadAllTextAsync(StopDockerdStep.PidFile, ct)).Trim();
        await processes.RunAsync("kill", [pid], cancellationToken: ct);
        var deadline = DateTime.UtcNow + EngineStartTimeout;
        while (File.Exists(StopDockerdStep.PidFile))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"dockerd (pid {pid}) did not stop within {EngineStartTimeout.TotalSeconds:0} s");
            await Task.Delay(500, ct);
        }
    }

    private static async Task<bool> EngineAnswersAsync(CancellationToken ct)
    {
        using var client = DockerEngine.Connect();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await client.System.PingAsync(timeout.Token);
            return true;
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }
}
