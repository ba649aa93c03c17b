using System.Diagnostics;
using Serilog;
using Slipway.Build.Output;
using Slipway.Build.Planning;
using Slipway.Build.Processes;

namespace Slipway.Build.Execution;

/// <summary>
/// Runs a plan in order. A failure stops the run unless the target proceeds after failure; targets that
/// need a failed one don't run; assured targets run whatever happened, also after an abort.
/// </summary>
internal sealed class BuildExecutor(BuildContext context, TextWriter output)
{
    /// <summary>How long an aborted target may take to clean up (its finally blocks, a stack it must take down) before the run goes on.</summary>
    public static readonly TimeSpan AbortGrace = TimeSpan.FromSeconds(30);

    private ILogger Log => context.Log;

    /// <param name="abort">Cancelled on the first Ctrl-C or SIGTERM: the running target is aborted.</param>
    /// <param name="abortAssured">Cancelled on a second signal: assured targets are aborted too.</param>
    public async Task<IReadOnlyList<TargetResult>> RunAsync(ExecutionPlan plan, CancellationToken abort, CancellationToken abortAssured)
    {
        var results = plan.Steps.ToDictionary(s => s.Target, s => new TargetResult(s.Target));
        var stopped = false;
        foreach (var step in plan.Steps)
        {
            var target = step.Target;
            var result = results[target];
            if (step.SkipReason is { } reason)
            {
                Skip(result, reason);
                continue;
            }

            var assured = target.IsAssuredAfterFailure;
            if ((stopped || abort.IsCancellationRequested) && !assured) continue;
            if (!assured && target.DependsOn.FirstOrDefault(d => results.TryGetValue(d, out var r) && r.Blocks) is { } blocker)
            {
                result.Note = $"{blocker.Name} did not succeed";
                continue;
            }

            if (target.DynamicConditions.FirstOrDefault(c => !c.Evaluate()) is { } condition)
            {
                Skip(result, condition.Text);
                continue;
            }

            await ExecuteAsync(result, assured ? abortAssured : abort);
            if (result.Status is TargetStatus.Failed && !target.IsProceedAfterFailure) stopped = true;
        }

        return plan.Steps.Select(s => results[s.Target]).ToList();
    }

    private void Skip(TargetResult result, string reason)
    {
        result.Status = TargetStatus.Skipped;
        result.Note = reason;
        Log.Debug("Skipping {Target}: {Reason}", result.Target.Name, reason);
    }

    private async Task ExecuteAsync(TargetResult result, CancellationToken cancellation)
    {
        var target = result.Target;
        context.Host.BeginTarget(output, target.Name);
        context.ReportNote = note => result.Note = note;
        context.CancellationToken = cancellation;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            ProducedFiles.Clear(target.Produces, context.RootDirectory);
            foreach (var action in target.Actions)
            {
                var running = Task.Run(() => action(cancellation), CancellationToken.None);
                try
                {
                    await running.WaitAsync(cancellation);
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    // The signal reaches the target through its token; its own clean-up (a temporary registry, a child
                    // process) finishes before the run moves on and the process exits, unless it ignores the signal.
                    await Task.WhenAny(running, Task.Delay(AbortGrace, CancellationToken.None));
                    throw;
                }
            }
            result.Status = TargetStatus.Succeeded;
        }
        catch (Exception) when (cancellation.IsCancellationRequested)
        {
            result.Status = TargetStatus.Aborted;
            result.Note = "aborted";
            Log.Warning("{Target} was aborted", target.Name);
        }
        catch (Exception e)
        {
            result.Status = TargetStatus.Failed;
            result.Note ??= FirstLine(e.Message);
            if (e is TargetFailedException or ProcessFailedException or InputException)
                Log.Error("{Target} failed: {Message}", target.Name, e.Message);
            else
                Log.Error(e, "{Target} failed", target.Name);
        }
        finally
        {
            result.Duration = stopwatch.Elapsed;
            context.ReportNote = null;
            context.Host.EndTarget(output, target.Name);
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
