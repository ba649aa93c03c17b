using System.Diagnostics;
using Polly;
using Polly.Retry;
using Slipway.Containers.Smoke.Results;
using Slipway.Containers.Smoke.Suite;

namespace Slipway.Containers.Smoke.Running;

/// <summary>
/// Runs a suite: checks in file order, each started when the one before it has passed or failed or has run for
/// <see cref="RetryTiming.RunAlone"/>, so quick checks run alone and slow ones overlap, and when what it needs is ready
/// (see <c>ready</c>); the steps of a check in order,
/// each step retried with exponential backoff until the check's deadline. A step's captures become variables of the steps after it.
/// </summary>
public sealed class SmokeRunner(IStepRunner steps, RetryTiming timing)
{
    private readonly ResiliencePipeline<StepAttempt> retry = new ResiliencePipelineBuilder<StepAttempt>()
        .AddRetry(new RetryStrategyOptions<StepAttempt>
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Passed: false }),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = timing.FirstDelay,
            MaxDelay = timing.MaxDelay,
        })
        .Build();

    /// <param name="ready">Returns when a check may start; none: at once.</param>
    public async Task<IReadOnlyList<CheckResult>> RunAsync(SmokeSuite suite, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken,
        Func<SmokeCheck, CancellationToken, Task>? ready = null)
    {
        var running = new List<Task<CheckResult>>();
        foreach (var check in suite.Checks)
        {
            if (ready is not null) await ready(check, cancellationToken);
            var run = Task.Run(() => RunCheckAsync(check, variables, cancellationToken), cancellationToken);
            running.Add(run);
            // A freshly started service answers one request at a time faster than six at once, as they all warm up together.
            if (timing.RunAlone > TimeSpan.Zero) await Task.WhenAny(run, Task.Delay(timing.RunAlone, cancellationToken));
        }
        return await Task.WhenAll(running);
    }

    public async Task<CheckResult> RunCheckAsync(SmokeCheck check, IReadOnlyDictionary<string, string> builtIns, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(check.Timeout);
        var variables = new Dictionary<string, string>(builtIns);
        var attempts = 0;

        foreach (var step in check.Steps)
        {
            var rendered = StepRenderer.Render(step, variables);
            StepAttempt? last = null;
            try
            {
                await retry.ExecuteAsync(async token =>
                {
                    attempts++;
                    using var attempt = CancellationTokenSource.CreateLinkedTokenSource(token);
                    attempt.CancelAfter(timing.AttemptTimeout);
                    try
                    {
                        return last = await steps.RunAsync(rendered, attempt.Token);
                    }
                    catch (OperationCanceledException) when (!token.IsCancellationRequested)
                    {
                        return last = new StepAttempt(StepDescription.Of(rendered.Action), [$"no answer within {timing.AttemptTimeout.TotalSeconds:0.#} s"]);
                    }
                }, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The deadline passed: the last finished try says why.
            }

            if (last is not { Passed: true })
            {
                var problem = last is null
                    ? $"no try finished within the check's timeout of {check.Timeout.TotalSeconds:0.#} s"
                    : $"still failing at the check's timeout of {check.Timeout.TotalSeconds:0.#} s";
                return new CheckResult(check.Name, clock.Elapsed, attempts, step.Name, last, problem);
            }
            foreach (var (name, value) in last.Captured ?? new Dictionary<string, string>()) variables[name] = value;
        }
        return new CheckResult(check.Name, clock.Elapsed, attempts);
    }
}
