using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Slipway.GlobalTool.Handover;

/// <summary><c>slipway &lt;targets…&gt;</c>: runs the repository's own bootstrap with the arguments, on this terminal, and returns its exit code.</summary>
public static class Handover
{
    private const int SigTerm = 15;

    public static async Task<int> RunAsync(BuildScript script, IReadOnlyList<string> arguments)
    {
        using var process = Process.Start(script.StartInfo(arguments))
                            ?? throw new InvalidOperationException($"Could not start {script.File}.");
        // Ctrl-C reaches the build itself (one process group); a SIGTERM sent to the tool alone is passed on. Either way the
        // tool waits for the build to run its assured targets (ComposeDown) and returns the build's exit code.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => c.Cancel = true);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            if (!OperatingSystem.IsWindows()) _ = Kill(process.Id, SigTerm);
        });
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
