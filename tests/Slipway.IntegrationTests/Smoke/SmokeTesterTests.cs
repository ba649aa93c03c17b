using System.Xml.Linq;
using Serilog.Core;
using Slipway.Build;
using Slipway.Build.Processes;
using Slipway.Containers.Compose;
using Slipway.Containers.Smoke;
using Slipway.Containers.Smoke.Running;
using Slipway.Containers.Smoke.Suite;

namespace Slipway.IntegrationTests.Smoke;

/// <summary>Smoke checks against a real compose project: published and unpublished ports, captures, tcp, exec, failures and JUnit.</summary>
public sealed class SmokeTesterTests(SmokeStack stack) : IClassFixture<SmokeStack>, IDisposable
{
    private readonly string output = Path.Combine(Path.GetTempPath(), $"slipway-smoke-{Guid.NewGuid():N}");

    private async Task<SmokeReport> RunAsync(string yaml)
    {
        var suite = SmokeFileParser.Parse("smoke.yaml", yaml);
        return await new SmokeTester(Logger.None, stack.Compose.ProjectName!, stack.Stack)
            .RunAsync(suite, "run42", AbsolutePath.Create(output), RetryTiming.Default, default);
    }

    [Fact]
    public async Task Checks_reach_published_and_unpublished_services_carry_captures_and_pass()
    {
        var report = await RunAsync("""
            timeout: 30s
            checks:
              - name: published port
                http: {url: http://front:8080/hello}
                expect:
                  status: 200
                  headers: {Content-Type: application/json}
                  json: {$.service: front, $.path: /hello}
                  latency: 2s
              - name: container address
                http: {method: POST, url: http://back:8080/things, headers: {Content-Type: application/json}, body: '{"a":1}'}
                expect: {json: {$.service: back, $.method: POST}}
              - name: capture across services
                steps:
                  - http: {url: 'http://front:8080/from-${run}'}
                    capture: {who: $.service, where: $.path}
                  - http: {url: 'http://back:8080/seen/${who}${where}'}
                    expect: {body_contains: '"path":"/seen/front/from-run42"'}
              - name: tcp
                tcp: {service: back, port: 8080}
              - name: exec
                exec: {service: back, command: [cat, /etc/debian_version]}
                expect: {output_contains: "12."}
            """);

        Assert.True(report.Failed.Count == 0, string.Join("\n", report.Failed.Select(Slipway.Containers.Smoke.Results.FailureReport.Describe)));
        Assert.Equal("5/5 checks passed", report.Summary);
        var junit = XDocument.Load(report.JUnitFile).Root!;
        Assert.Equal(("5", "0"), ((string)junit.Attribute("tests")!, (string)junit.Attribute("failures")!));
    }

    [Fact]
    public async Task Failing_checks_report_the_request_the_status_and_the_body_and_count_in_JUnit()
    {
        var report = await RunAsync("""
            timeout: 3s
            checks:
              - name: passes
                http: {url: http://front:8080/}
              - name: wrong status
                http: {url: http://back:8080/missing}
                expect: {status: 200}
              - name: nothing listens
                tcp: {service: back, port: 9}
              - name: command fails
                exec: {service: back, command: sh -c 'echo broken; exit 3'}
            """);

        Assert.Equal("1/4 checks passed", report.Summary);
        var failed = report.Failed.ToDictionary(r => r.Name);

        var status = failed["wrong status"].LastAttempt!;
        Assert.Equal(404, status.Status);
        Assert.Equal("""{"error":"missing"}""", status.Response);
        Assert.Contains("GET http://back:8080/missing", status.Request);
        Assert.DoesNotContain("sent to 127.0.0.1", status.Request);
        Assert.Matches(@"sent to \d+\.\d+\.\d+\.\d+:8080", status.Request);
        Assert.Equal("status 404, expected 200", Assert.Single(status.Problems));
        Assert.True(failed["wrong status"].Attempts > 1, "the failing request was retried");

        Assert.StartsWith("could not connect", Assert.Single(failed["nothing listens"].LastAttempt!.Problems));
        var exec = failed["command fails"].LastAttempt!;
        Assert.Equal("exit code 3, expected 0", Assert.Single(exec.Problems));
        Assert.Contains("broken", exec.Response);

        var junit = XDocument.Load(report.JUnitFile).Root!;
        Assert.Equal("3", (string)junit.Attribute("failures")!);
        var failure = junit.Descendants("testcase").Single(c => (string)c.Attribute("name")! == "wrong status").Element("failure")!;
        Assert.Contains("response status: 404", failure.Value);
        Assert.Contains("""{"error":"missing"}""", failure.Value);
    }

    [Fact]
    public async Task A_suite_naming_a_service_the_stack_lacks_is_refused_before_anything_runs()
    {
        var error = await Assert.ThrowsAsync<SmokeFileException>(() => RunAsync("""
            checks:
              - name: db
                exec: {service: db, command: [true]}
            """));
        Assert.Equal("smoke.yaml: check 'db': field 'exec.service': 'db' is not a service of the stack (its services: back, front).", error.Message);
        Assert.False(Directory.Exists(output), "nothing was written");
    }

    [Fact]
    public async Task Checks_begun_before_the_whole_stack_is_up_run_again_once_it_is_if_they_failed()
    {
        // The fixture's services are up, but ComposeUp has not said so: the checks begin early, as during its wait.
        var watch = new StackWatch(stack.Compose.ProjectName!, stack.Stack);
        var flag = $"/tmp/flag-{Guid.NewGuid():N}";
        var suite = SmokeFileParser.Parse("smoke.yaml", $$"""
            timeout: 1s
            checks:
              - name: passes early
                tcp: {service: back, port: 8080}
              - name: fails early
                exec: {service: back, command: [test, -f, {{flag}}]}
            """);
        var running = new SmokeTester(Logger.None, stack.Compose.ProjectName!, stack.Stack).RunChecksAsync(suite, "run42", RetryTiming.Default, watch, default);

        // Time for the early try to fail (1 s timeout); then what it lacked appears, and the stack is declared up.
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.False(running.IsCompleted, "the failed check waits for the whole stack before it runs again");
        await stack.Processes.RunAsync("docker", stack.Compose.Arguments("exec", "-T", "back", "touch", flag), new ProcessOptions { Quiet = true });
        watch.MarkAllUp();
        var run = await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(run.Results, r => Assert.True(r.Passed, r.Name));
        Assert.Equal(["fails early"], run.RanAgain);
    }

    public void Dispose()
    {
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
    }
}
