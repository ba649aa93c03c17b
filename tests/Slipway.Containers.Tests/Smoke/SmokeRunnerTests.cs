using System.Collections.Concurrent;
using Slipway.Containers.Smoke.Running;
using Slipway.Containers.Smoke.Suite;

namespace Slipway.Containers.Tests.Smoke;

public sealed class SmokeRunnerTests
{
    private static readonly RetryTiming Fast = new(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(300));
    private static readonly IReadOnlyDictionary<string, string> Run = new Dictionary<string, string> { ["run"] = "r1" };

    /// <summary>Answers each step by its URL with the next scripted attempt; the last one repeats.</summary>
    private sealed class ScriptedSteps(Func<HttpAction, int, CancellationToken, Task<StepAttempt>> answer) : IStepRunner
    {
        public ConcurrentQueue<string> Seen { get; } = new();
        private readonly ConcurrentDictionary<string, int> tries = new();

        public Task<StepAttempt> RunAsync(SmokeStep step, CancellationToken cancellationToken)
        {
            var http = (HttpAction)step.Action;
            Seen.Enqueue(http.Url);
            return answer(http, tries.AddOrUpdate(http.Url, 1, (_, n) => n + 1), cancellationToken);
        }
    }

    private static SmokeStep Step(string url, IReadOnlyDictionary<string, string>? captures = null) =>
        new(url, new HttpAction("GET", url, new Dictionary<string, string>(), null), new Expectations(), captures ?? new Dictionary<string, string>());

    private static StepAttempt Pass(string request, IReadOnlyDictionary<string, string>? captured = null) => new(request, [], 200, "", captured);

    private static StepAttempt Fail(string request, string problem) => new(request, [problem], 503, "down");

    [Fact]
    public async Task A_failing_step_is_retried_until_it_passes()
    {
        var steps = new ScriptedSteps((http, n, _) => Task.FromResult(n < 4 ? Fail(http.Url, "not yet") : Pass(http.Url)));
        var result = await new SmokeRunner(steps, Fast).RunCheckAsync(new SmokeCheck("c", TimeSpan.FromSeconds(10), [Step("http://a/")]), Run, default);

        Assert.True(result.Passed);
        Assert.Equal(4, result.Attempts);
    }

    [Fact]
    public async Task At_the_deadline_the_check_fails_with_its_last_try()
    {
        var steps = new ScriptedSteps((http, n, _) => Task.FromResult(Fail(http.Url, $"try {n}")));
        // A second, so that a loaded machine still gets several tries in (backoff 5 ms up to 20 ms).
        var result = await new SmokeRunner(steps, Fast).RunCheckAsync(new SmokeCheck("c", TimeSpan.FromSeconds(1), [Step("http://a/")]), Run, default);

        Assert.False(result.Passed);
        Assert.Equal("http://a/", result.FailedStep);
        Assert.True(result.Attempts > 2, $"only {result.Attempts} tries in 1 s");
        Assert.Equal($"try {result.Attempts}", Assert.Single(result.LastAttempt!.Problems));
        Assert.Equal("still failing at the check's timeout of 1 s", result.Problem);
        Assert.InRange(result.Duration, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task A_try_that_hangs_is_cut_off_and_retried()
    {
        var steps = new ScriptedSteps(async (http, n, ct) =>
        {
            if (n == 1) await Task.Delay(Timeout.Infinite, ct);
            return Pass(http.Url);
        });
        var result = await new SmokeRunner(steps, Fast).RunCheckAsync(new SmokeCheck("c", TimeSpan.FromSeconds(10), [Step("http://a/")]), Run, default);

        Assert.True(result.Passed);
        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public async Task A_check_whose_only_try_outlasts_the_deadline_says_so()
    {
        var steps = new ScriptedSteps(async (http, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return Pass(http.Url);
        });
        var timing = Fast with { AttemptTimeout = TimeSpan.FromSeconds(30) };
        var result = await new SmokeRunner(steps, timing).RunCheckAsync(new SmokeCheck("c", TimeSpan.FromMilliseconds(200), [Step("http://a/")]), Run, default);

        Assert.False(result.Passed);
        Assert.Null(result.LastAttempt);
        Assert.Equal("no try finished within the check's timeout of 0.2 s", result.Problem);
    }

    [Fact]
    public async Task Captures_feed_later_steps_and_a_failed_step_stops_the_check()
    {
        var steps = new ScriptedSteps((http, _, _) => Task.FromResult(http.Url switch
        {
            "http://a/create?run=r1" => Pass(http.Url, new Dictionary<string, string> { ["id"] = "42" }),
            "http://a/items/42" => Fail(http.Url, "gone"),
            _ => Pass(http.Url),
        }));
        var check = new SmokeCheck("c", TimeSpan.FromMilliseconds(200), [
            Step("http://a/create?run=${run}", new Dictionary<string, string> { ["id"] = "$.id" }),
            Step("http://a/items/${id}"),
            Step("http://a/never"),
        ]);
        var result = await new SmokeRunner(steps, Fast).RunCheckAsync(check, Run, default);

        Assert.Equal("http://a/items/${id}", result.FailedStep);
        Assert.Equal("http://a/items/42", result.LastAttempt!.Request);
        Assert.DoesNotContain("http://a/never", steps.Seen);
    }

    [Fact]
    public async Task Checks_run_in_parallel_and_results_keep_the_declared_order()
    {
        var started = 0;
        var allStarted = new TaskCompletionSource();
        var steps = new ScriptedSteps(async (http, _, ct) =>
        {
            if (Interlocked.Increment(ref started) == 3) allStarted.SetResult();
            await allStarted.Task.WaitAsync(ct);
            return Pass(http.Url);
        });
        var suite = new SmokeSuite("smoke.yaml", new[] { "a", "b", "c" }.Select(n => new SmokeCheck(n, TimeSpan.FromSeconds(5), [Step($"http://{n}/")])).ToList());
        var results = await new SmokeRunner(steps, Fast with { AttemptTimeout = TimeSpan.FromSeconds(5) }).RunAsync(suite, Run, default);

        Assert.Equal(["a", "b", "c"], results.Select(r => r.Name));
        Assert.All(results, r => Assert.True(r.Passed));
        Assert.All(results, r => Assert.Equal(1, r.Attempts));
    }

    [Fact]
    public async Task A_check_that_passes_at_once_runs_alone_and_one_still_trying_lets_the_next_start_beside_it()
    {
        var log = new ConcurrentQueue<string>();
        var slowMayPass = new TaskCompletionSource();
        var steps = new ScriptedSteps(async (http, _, ct) =>
        {
            log.Enqueue("start " + http.Url);
            if (http.Url == "http://slow/") await slowMayPass.Task.WaitAsync(ct);
            log.Enqueue("end " + http.Url);
            if (http.Url == "http://last/") slowMayPass.TrySetResult();
            return Pass(http.Url);
        });
        var suite = new SmokeSuite("smoke.yaml", new[] { "quick", "slow", "last" }.Select(n => new SmokeCheck(n, TimeSpan.FromSeconds(5), [Step($"http://{n}/")])).ToList());
        var timing = Fast with { AttemptTimeout = TimeSpan.FromSeconds(5), RunAlone = TimeSpan.FromMilliseconds(200) };

        var results = await new SmokeRunner(steps, timing).RunAsync(suite, Run, default);

        Assert.All(results, r => Assert.True(r.Passed));
        // quick ran alone; slow was still at it after 200 ms, so last started beside it and let it finish.
        Assert.Equal(["start http://quick/", "end http://quick/", "start http://slow/", "start http://last/", "end http://last/", "end http://slow/"], log);
    }

    [Fact]
    public async Task Cancelling_the_run_stops_the_checks()
    {
        var steps = new ScriptedSteps((http, _, _) => Task.FromResult(Fail(http.Url, "down")));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new SmokeRunner(steps, Fast).RunCheckAsync(new SmokeCheck("c", TimeSpan.FromMinutes(1), [Step("http://a/")]), Run, cancel.Token));
    }

    [Fact]
    public async Task A_check_starts_only_when_it_is_ready_and_the_next_waits_behind_it()
    {
        var log = new ConcurrentQueue<string>();
        var secondReady = new TaskCompletionSource();
        var steps = new ScriptedSteps((http, _, _) =>
        {
            log.Enqueue("run " + http.Url);
            return Task.FromResult(Pass(http.Url));
        });
        var suite = new SmokeSuite("smoke.yaml", new[] { "first", "second", "third" }.Select(n => new SmokeCheck(n, TimeSpan.FromSeconds(5), [Step($"http://{n}/")])).ToList());

        var running = new SmokeRunner(steps, Fast with { RunAlone = TimeSpan.FromSeconds(1) }).RunAsync(suite, Run, default, async (check, ct) =>
        {
            log.Enqueue("ready? " + check.Name);
            if (check.Name == "second") await secondReady.Task.WaitAsync(ct);
        });
        await Task.Delay(200);
        Assert.False(running.IsCompleted);
        Assert.Equal(["ready? first", "run http://first/", "ready? second"], log);

        secondReady.SetResult();
        Assert.All(await running, r => Assert.True(r.Passed));
        Assert.Equal(["ready? first", "run http://first/", "ready? second", "run http://second/", "ready? third", "run http://third/"], log);
    }
}
