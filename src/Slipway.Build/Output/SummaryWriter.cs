using System.Globalization;
using System.Text;
using Slipway.Build.Execution;

namespace Slipway.Build.Output;

/// <summary>The end summary: one row per target with status, duration and note, then the total.</summary>
public static class SummaryWriter
{
    public static string Text(IReadOnlyList<TargetResult> results, TimeSpan total, bool succeeded)
    {
        var nameWidth = Math.Max(6, results.Select(r => r.Target.Name.Length).DefaultIfEmpty(0).Max());
        var rule = new string('═', nameWidth + 40);
        var text = new StringBuilder();
        text.AppendLine().AppendLine(rule);
        text.AppendLine($"{"Target".PadRight(nameWidth)}  {"Status",-10}  {"Duration",8}  Note");
        text.AppendLine(new string('─', nameWidth + 40));
        foreach (var r in results)
            text.AppendLine($"{r.Target.Name.PadRight(nameWidth)}  {r.Status,-10}  {Duration(r),8}  {r.Note}".TrimEnd());
        text.AppendLine(new string('─', nameWidth + 40));
        text.AppendLine($"{"Total".PadRight(nameWidth)}  {"",-10}  {Format(total),8}");
        text.AppendLine(rule);
        text.AppendLine(succeeded ? "Build succeeded." : "Build failed.");
        return text.ToString();
    }

    public static string Markdown(IReadOnlyList<TargetResult> results, TimeSpan total, bool succeeded)
    {
        var text = new StringBuilder();
        text.AppendLine(succeeded ? "### ✅ Build succeeded" : "### ❌ Build failed").AppendLine();
        text.AppendLine("| Target | Status | Duration | Note |").AppendLine("|---|---|---:|---|");
        foreach (var r in results)
            text.AppendLine($"| {r.Target.Name} | {r.Status} | {Duration(r)} | {r.Note?.Replace("|", "\\|")} |");
        text.AppendLine($"| **Total** | | {Format(total)} | |");
        return text.ToString();
    }

    private static string Duration(TargetResult r) =>
        r.Status is TargetStatus.Succeeded or TargetStatus.Failed or TargetStatus.Aborted ? Format(r.Duration) : "–";

    public static string Format(TimeSpan duration) =>
        duration.TotalHours >= 1
            ? duration.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : duration.ToString(@"m\:ss\.fff", CultureInfo.InvariantCulture);
}
