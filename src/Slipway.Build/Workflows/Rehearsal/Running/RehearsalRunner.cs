using System.Diagnostics;
using Serilog;

namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>
/// Runs the plan's job runs in order. A job whose needed jobs failed is skipped, as GitHub skips it (unless its
/// <c>if:</c> says otherwise); a leg of another platform is reported as not rehearsed; a stopped rehearsal cancels the rest.
/// </summary>
public sealed class RehearsalRunner(RehearsalSetup setup, ILogger log)
{
    public async Task<IReadOnlyList<JobResult>> RunAsync(CancellationToken cancellationToken)
    {
        var plan = setup.Plan;
        var results = new List<JobResult>();
        foreach (var (run, index) in plan.Runs.Select((r, i) => (r, i + 1)))
        {
            if (run.NotRehearsed is { } why)
            {
                log.Information("{Job}: not rehearsed ({Why})", run.Title, why);
                results.Add(new JobResult(run, RehearsalStatus.NotRehearsed, TimeSpan.Zero, why, [], null));
                continue;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                results.Add(new JobResult(run, RehearsalStatus.Cancelled, TimeSpan.Zero, "the rehearsal was stopped", [], null));
                continue;
            }

            var needs = results.Where(r => run.Job.Needs.Contains(r.Run.Job.Id)).ToList();
            var unmet = needs.Where(r => r.Status is RehearsalStatus.Failed or RehearsalStatus.Cancelled or RehearsalStatus.Skipped).ToList();
            var scope = RehearsalContexts.ForJob(plan.Workflow, plan.Context, run.Job, run.Matrix)
                .With(new JobState(unmet.Count > 0, cancellationToken.IsCancellationRequested), _ => throw new ExpressionException("hashFiles() is only available in a job's steps."));
            if (!Templates.Condition(run.Job.If, scope))
            {
                var note = run.Job.If is not null ? $"if: {run.Job.If} is false"
                    : $"needs {string.Join(", ", unmet.Select(u => u.Run.Title).Distinct())}, which did not succeed";
                log.Information("{Job}: skipped ({Why})", run.Title, note);
                results.Add(new JobResult(run, RehearsalStatus.Skipped, TimeSpan.Zero, note, [], null));
                continue;
            }

            log.Information("{Job}", run.Title);
            var stopwatch = Stopwatch.StartNew();
            var result = await new JobRunner(setup, log).RunAsync(run, index, name => WhyMissing(name, results), cancellationToken);
            var level = result.Status == RehearsalStatus.Succeeded ? Serilog.Events.LogEventLevel.Information : Serilog.Events.LogEventLevel.Error;
            log.Write(level, "{Job}: {Status} in {Seconds:0} s{Note}; log: {Log}", run.Title, result.Status.ToString(), stopwatch.Elapsed.TotalSeconds,
                result.FailedStep is { } failed ? $" at step {failed.Number} '{failed.Name}': {failed.Note}" : result.Note is null ? "" : $" ({result.Note})",
                Path.GetRelativePath(setup.SourceRepository, result.LogFile!));
            results.Add(result);
        }

        return results;
    }

    /// <summary>Why an artifact isn't in the store: the job run that uploads it was not rehearsed, or did not get that far.</summary>
    private string? WhyMissing(string name, IReadOnlyList<JobResult> results)
    {
        var uploader = setup.Plan.Runs.FirstOrDefault(r => r.Uploads.Contains(name));
        if (uploader is null) return "no job of this workflow uploads it";
        if (uploader.NotRehearsed is { } why) return $"{uploader.Title} uploads it, and was not rehearsed: {why}";
        return results.FirstOrDefault(r => r.Run == uploader) is { Status: not RehearsalStatus.Succeeded } result
            ? $"{uploader.Title} uploads it, and it {result.Status.ToString().ToLowerInvariant()}"
            : null;
    }
}
