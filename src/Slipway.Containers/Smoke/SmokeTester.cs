using System.Diagnostics;
using Serilog;
using Slipway.Build;
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

/// <summary>Runs a smoke suite against a running compose project, logs each result and writes JUnit XML.</summary>
public sealed class SmokeTester(ILogger log, string project, StackDefinition stack)
{
    public async Task<SmokeReport> RunAsync(SmokeSuite suite, string runId, AbsolutePath outputDirectory, RetryTiming timing, CancellationToken cancellationToken)
    {
        SuiteServices.Check(suite, stack.Services.Select(s => s.Name).ToList());
        using var docker = DockerEngine.Connect();
        // Redirects are not followed, so an expected status is the status the service sent.
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromSeconds(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var containers = new ServiceContainers(docker, project);
        var endpoints = new EngineEndpoints(containers, stack, project);
        var runner = new SmokeRunner(new StepRunner(new HttpStepRunner(http, endpoints), new TcpStepRunner(endpoints), new ExecStepRunner(containers)), timing);

        log.Information("Running {Count} smoke checks from {File}", suite.Checks.Count, suite.File);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var results = await runner.RunAsync(suite, new Dictionary<string, string> { ["run"] = runId }, cancellationToken);
        clock.Stop();

        foreach (var result in results)
        {
            if (result.Passed) log.Information("passed: {Check} ({Seconds:0.0} s, {Tries})", result.Name, result.Duration.TotalSeconds, Tries(result.Attempts, suite.Checks.First(c => c.Name == result.Name).Steps.Count));
            else log.Error("{Report}", FailureReport.Describe(result));
        }

        Directory.CreateDirectory(outputDirectory);
        var junit = outputDirectory / "junit.xml";
        await File.WriteAllTextAsync(junit, JUnitWriter.Write(Path.GetFileName(suite.File), results, clock.Elapsed, started), cancellationToken);
        return new SmokeReport(results, junit);
    }

    private static string Tries(int attempts, int steps) =>
        (attempts == 1 ? "1 try" : $"{attempts} tries") + (steps == 1 ? "" : $" over {steps} steps");
}
