using Slipway.Build.Execution;
using Slipway.Build.Output;
using Slipway.Build.Tests.Infrastructure;

namespace Slipway.Build.Tests.Unit;

public class SummaryWriterTests
{
    private sealed class FiveBuild : RecordingBuild
    {
        public Target Compile => _ => _;
        public Target Scan => _ => _;
        public Target Test => _ => _;
        public Target Publish => _ => _;
        public Target ComposeDown => _ => _;
    }

    private static IReadOnlyList<TargetResult> Results()
    {
        var targets = Plans.Targets(new FiveBuild());
        TargetResult Result(int i, TargetStatus status, double seconds, string? note) =>
            new(targets[i]) { Status = status, Duration = TimeSpan.FromSeconds(seconds), Note = note };
        return
        [
            Result(0, TargetStatus.Succeeded, 1.5, "3 projects"),
            Result(1, TargetStatus.Skipped, 0, "IsServerBuild"),
            Result(2, TargetStatus.Failed, 62.25, "2 tests failed"),
            Result(3, TargetStatus.NotRun, 0, "Test did not succeed"),
            Result(4, TargetStatus.Aborted, 0.1, "aborted"),
        ];
    }

    [Fact]
    public void The_text_has_a_row_per_target_with_status_duration_and_note_then_the_total()
    {
        var lines = SummaryWriter.Text(Results(), TimeSpan.FromSeconds(64), succeeded: false).Split(Environment.NewLine);
        Assert.Contains("Compile      Succeeded   0:01.500  3 projects", lines);
        Assert.Contains("Scan         Skipped            –  IsServerBuild", lines);
        Assert.Contains("Test         Failed      1:02.250  2 tests failed", lines);
        Assert.Contains("Publish      NotRun             –  Test did not succeed", lines);
        Assert.Contains("ComposeDown  Aborted     0:00.100  aborted", lines);
        Assert.Contains("Total                    1:04.000", lines);
        Assert.Contains("Build failed.", lines);
    }

    [Fact]
    public void A_successful_run_says_so() =>
        Assert.Contains("Build succeeded.", SummaryWriter.Text(Results().Take(2).ToList(), TimeSpan.Zero, succeeded: true));

    [Fact]
    public void Long_runs_show_hours() => Assert.Equal("1:02:03", SummaryWriter.Format(new TimeSpan(1, 2, 3)));

    [Fact]
    public void The_markdown_is_a_table_with_escaped_notes()
    {
        var results = Results();
        results[0].Note = "a | b";
        var markdown = SummaryWriter.Markdown(results, TimeSpan.FromSeconds(64), succeeded: false);
        Assert.StartsWith("### ❌ Build failed", markdown);
        Assert.Contains("| Target | Status | Duration | Note |", markdown);
        Assert.Contains(@"| Compile | Succeeded | 0:01.500 | a \| b |", markdown);
        Assert.Contains("| Scan | Skipped | – | IsServerBuild |", markdown);
        Assert.Contains("| **Total** | | 1:04.000 | |", markdown);
    }
}
