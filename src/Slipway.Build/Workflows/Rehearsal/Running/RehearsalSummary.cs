using System.Text;
using Slipway.Build.Output;

namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>The rehearsal's summary, like a run's on GitHub: each job with its steps, status, time and note.</summary>
public static class RehearsalSummary
{
    public static string Text(RehearsalPlan plan, IReadOnlyList<JobResult> jobs, TimeSpan total, bool succeeded)
    {
        var rows = Rows(jobs).ToList();
        var width = Math.Max(10, rows.Max(r => r.Name.Length));
        var statusWidth = 13;
        var line = width + statusWidth + 14 + 30;
        var text = new StringBuilder();
        text.AppendLine().AppendLine(new string('═', line));
        text.AppendLine($"Rehearsal of {plan.Workflow.File}: {plan.Context.EventName} of {plan.Context.Ref} at {plan.Context.Sha[..Math.Min(7, plan.Context.Sha.Length)]}");
        text.AppendLine(new string('─', line));
        text.AppendLine($"{"Job / step".PadRight(width)}  {"Status".PadRight(statusWidth)}  {"Duration",9}  Note");
        text.AppendLine(new string('─', line));
        foreach (var row in rows)
            text.AppendLine($"{row.Name.PadRight(width)}  {row.Status.PadRight(statusWidth)}  {row.Duration,9}  {row.Note}".TrimEnd());
        text.AppendLine(new string('─', line));
        text.AppendLine($"{"Total".PadRight(width)}  {"".PadRight(statusWidth)}  {SummaryWriter.Format(total),9}");
        text.AppendLine(new string('═', line));
        text.AppendLine(succeeded ? "Rehearsal succeeded." : "Rehearsal failed.");
        return text.ToString();
    }

    public static string Markdown(RehearsalPlan plan, IReadOnlyList<JobResult> jobs, TimeSpan total, bool succeeded)
    {
        var text = new StringBuilder();
        text.AppendLine($"### {(succeeded ? "✅" : "❌")} Rehearsal of {plan.Workflow.File} ({plan.Context.EventName} of {plan.Context.Ref})").AppendLine();
        text.AppendLine("| Job / step | Status | Duration | Note |").AppendLine("|---|---|---:|---|");
        foreach (var row in Rows(jobs))
            text.AppendLine($"| {(row.IsJob ? $"**{row.Name}**" : row.Name.Trim())} | {row.Status} | {row.Duration} | {row.Note?.Replace("|", "\\|")} |");
        text.AppendLine($"| **Total** | | {SummaryWriter.Format(total)} | |");
        return text.ToString();
    }

    private sealed record Row(string Name, string Status, string Duration, string? Note, bool IsJob);

    private static IEnumerable<Row> Rows(IReadOnlyList<JobResult> jobs)
    {
        foreach (var job in jobs)
        {
            yield return new Row(job.Run.Title, Describe(job.Status), Duration(job.Status, job.Duration), job.Note, true);
            foreach (var step in job.Steps)
                yield return new Row($"  {step.Number,2} {step.Name}", Describe(step.Status), Duration(step.Status, step.Duration), step.Note, false);
        }
    }

    private static string Describe(RehearsalStatus status) => status == RehearsalStatus.NotRehearsed ? "Not rehearsed" : status.ToString();

    private static string Duration(RehearsalStatus status, TimeSpan duration) =>
        status is RehearsalStatus.Succeeded or RehearsalStatus.Failed or RehearsalStatus.Cancelled ? SummaryWriter.Format(duration) : "–";
}
