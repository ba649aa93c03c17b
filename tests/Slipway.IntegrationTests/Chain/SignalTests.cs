using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Slipway.IntegrationTests.Support;

namespace Slipway.IntegrationTests.Chain;

/// <summary>
/// A run stopped by a signal still cleans up: SIGTERM and SIGINT during BuildImages and during ComposeUp end with the
/// signal's exit code, ComposeDown removing the stack; a run killed outright leaves a stack that a later
/// <c>./build.sh ComposeDown</c> removes.
/// </summary>
public sealed class SignalTests
{
    private const string Signals = "--skip ScanImages";

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public async Task A_signal_during_BuildImages_stops_the_bake_and_starts_nothing(string signal, int exitCode)
    {
        // The bake itself: even a warm one takes a few seconds to start, load and export.
        var run = await RunUntilAsync("> docker buildx bake", TimeSpan.FromMilliseconds(300), signal);
        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.True(Regex.IsMatch(run.Output, @"BuildImages\s+Aborted"), run.ToString());
        Assert.Null(run.ProjectName);
        var bakes = await CommandLine.RunAsync("pgrep", ["-f", Path.Combine(BuildScript.Root, ".nuke", "temp", "bake")], "/", new Dictionary<string, string>(), TimeSpan.FromSeconds(30));
        Assert.True(bakes.Output.Trim() == "", $"buildx bake still runs: {bakes.Output}");
    }

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public async Task A_signal_during_ComposeUp_still_takes_the_stack_down(string signal, int exitCode)
    {
        var run = await RunUntilAsync("Starting project", TimeSpan.FromSeconds(1), signal);
        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.NotNull(run.ProjectName);
        Assert.True(Regex.IsMatch(run.Output, @"ComposeDown\s+Succeeded"), run.ToString());
        Assert.Equal("", await BuildScript.ResourcesOfProjectAsync(run.ProjectName!));
    }

    [Fact]
    public async Task A_run_killed_during_ComposeUp_leaves_a_stack_that_ComposeDown_removes_later()
    {
        var killed = await RunUntilAsync("Starting project", TimeSpan.FromSeconds(1), "KILL");
        Assert.Equal(137, killed.ExitCode);
        var project = killed.ProjectName!;
        // The compose up the build had started goes on without it: wait until it is done, leaving the stack behind.
        await Poll.UntilAsync(() => ProcessesOfAsync(project), running => running.Length == 0, TimeSpan.FromMinutes(5), $"compose up of {project} to end");
        Assert.NotEqual("", await BuildScript.ResourcesOfProjectAsync(project));

        var down = await BuildScript.RunAsync("ComposeDown");
        Assert.True(down.ExitCode == 0, down.ToString());
        Assert.Contains($"earlier stacks of this checkout removed: {project}", down.Output);
        Assert.Equal("", await BuildScript.ResourcesOfProjectAsync(project));
    }

    [Fact]
    public async Task A_kept_stack_is_removed_by_a_later_ComposeDown()
    {
        var kept = await BuildScript.RunAsync("SmokeTest", "--keep-stack", "--skip", "ScanImages");
        Assert.True(kept.ExitCode == 0, kept.ToString());
        var project = kept.ProjectName!;
        Assert.NotEqual("", await BuildScript.ResourcesOfProjectAsync(project));

        var down = await BuildScript.RunAsync("ComposeDown");
        Assert.True(down.ExitCode == 0, down.ToString());
        Assert.Equal("", await BuildScript.ResourcesOfProjectAsync(project));
    }

    private static async Task<string> ProcessesOfAsync(string project) =>
        (await CommandLine.RunAsync("pgrep", ["-f", "--", $"-p {project} up"], "/", new Dictionary<string, string>(), TimeSpan.FromSeconds(30))).Output.Trim();

    /// <summary>Runs the chain up to SmokeTest and sends <paramref name="signal"/> once the output shows <paramref name="marker"/>.</summary>
    private static async Task<BuildRun> RunUntilAsync(string marker, TimeSpan after, string signal)
    {
        var start = new ProcessStartInfo(Path.Combine(BuildScript.Root, "build.sh"))
        {
            WorkingDirectory = BuildScript.Root, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var argument in new[] { "SmokeTest" }.Concat(Signals.Split(' '))) start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var seen = new TaskCompletionSource();
        void Read(string? line)
        {
            if (line is null) return;
            lock (output) output.AppendLine(line);
            if (line.Contains(marker, StringComparison.Ordinal)) seen.TrySetResult();
        }
        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // A run that ends before the marker (a failing build) fails the test at once instead of waiting for it.
        await Task.WhenAny(seen.Task, process.WaitForExitAsync()).WaitAsync(TimeSpan.FromMinutes(20));
        if (!seen.Task.IsCompleted)
            lock (output) Assert.Fail($"The run ended (exit code {process.ExitCode}) before its output showed '{marker}':\n{output}");
        await Task.Delay(after);
        // build.sh execs the build, so the process started is the build itself.
        await CommandLine.RunCheckedAsync("kill", [$"-{signal}", process.Id.ToString()], "/", new Dictionary<string, string>(), TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        lock (output) return new BuildRun(process.ExitCode, output.ToString());
    }
}
