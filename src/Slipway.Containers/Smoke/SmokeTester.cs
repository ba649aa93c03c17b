using System.Diagnostics;
using Serilog;
using Slipway.Build;
using Slipway.Containers.Compose;
using Slipway.Containers.Engine;
using Slipway.Containers.Smoke.Results;
using Slipway.Containers.Smoke.Running;
using Slipway.Containers.Smoke.Steps;
using Slipway.Containers.Smoke.Suite;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Smoke;

/// <summary>What a smoke run found, and where its JUnit XML is.</summary>
public sealed record SmokeReport(IReadOnlyList<CheckResult> Results, AbsolutePath JUnitFile)
{
    public IReadOnlyList<CheckResult> Failed => Results.Where(r => !r.Passed).ToList();

    public string Summary => $"{Results.Count - Failed.Count}/{Results.Count} checks passed";
}

/// <summary>The checks' results before they are reported: when they began, how long they took, which ran a second time.</summary>
public sealed record SmokeRun(IReadOnlyList<CheckResult> Results, DateTimeOffset Started, TimeSpan Elapsed, IReadOnlyList<string> RanAgain);

/// <summary>Runs a smoke suite against a running compose project, logs each result and writes JUnit XML.</summary>
public sealed class SmokeTester(ILogger log, string project, StackDefinition stack)
{
    public async Task<SmokeReport> RunAsync(SmokeSuite suite, string runId, AbsolutePath outputDirectory, RetryTiming timing, CancellationToken cancellationToken) =>
        await ReportAsync(suite, await RunChecksAsync(suite, runId, timing, null, cancellationToken), outputDirectory, cancellationToken);

    /// <param name="watch">
    /// While ComposeUp still waits for the stack: each check begins once the services it reaches and their dependencies are
    /// up. A check that began before the whole stack was up and failed runs again once it is, and that run counts: it may
    /// have met a service that one it does not name was still starting.
    /// </param>
    public async Task<SmokeRun> RunChecksAsync(SmokeSuite suite, string runId, RetryTiming timing, StackWatch? watch, CancellationToken cancellationToken)
    {
        var services = stack.Services.Select(s => s.Name).ToList();
        SuiteServices.Check(suite, services);
        using var docker = DockerEngine.Connect();
        // Redirects are not followed, so an expected status is the status the service sent.
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromSeconds(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var containers = new ServiceContainers(docker, project);
        var endpoints = new EngineEndpoints(containers, stack, project);
        var runner = new SmokeRunner(new StepRunner(new HttpStepRunner(http, endpoints), new TcpStepRunner(endpoints), new ExecStepRunner(containers)), timing);
        var variables = new Dictionary<string, string> { ["run"] = runId };

        log.Information(watch is null ? "Running {Count} smoke checks from {File}" : "Running {Count} smoke checks from {File} as their services come up", suite.Checks.Count, suite.File);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var early = new HashSet<string>();
        Func<SmokeCheck, CancellationToken, Task>? ready = watch is null ? null : async (check, ct) =>
        {
            await watch.WaitUpAsync(SuiteServices.Named(check, services), ct);
            if (!watch.AllUp) early.Add(check.Name);
        };
        var results = (await runner.RunAsync(suite, variables, cancellationToken, ready)).ToList();

        var again = results.Where(r => !r.Passed && early.Contains(r.Name)).Select(r => r.Name).ToList();
        if (again.Count > 0)
        {
            await watch!.WaitAllUpAsync(cancellationToken);
            foreach (var name in again)
                results[results.FindIndex(r => r.Name == name)] = await runner.RunCheckAsync(suite.Checks.First(c => c.Name == name), variables, cancellationToken);
        }
        return new SmokeRun(results, started, clock.Elapsed, again);
    }

    public async Task<SmokeReport> ReportAsync(SmokeSuite suite, SmokeRun run, AbsolutePath outputDirectory, CancellationToken cancellationToken)
    {
        foreach (var result in run.Results)
        {
            if (result.Passed) log.Information("passed: {Check} ({Seconds:0.0} s, {Tries})", result.Name, result.Duration.TotalSeconds, Tries(result.Attempts, suite.Checks.First(c => c.Name == result.Name).Steps.Count));
            else log.Error("{Report}", FailureReport.Describe(result));
        }

        Directory.CreateDirectory(outputDirectory);
        var junit = outputDirectory / "junit.xml";
        await File.WriteAllTextAsync(junit, JUnitWriter.Write(Path.GetFileName(suite.File), run.Results, run.Elapsed, run.Started), cancellationToken);
        return new SmokeReport(run.Results, junit);
    }

    private static string Tries(int attempts, int steps) =>
        (attempts == 1 ? "1 try" : $"{attempts} tries") + (steps == 1 ? "" : $" over {steps} steps");
}
