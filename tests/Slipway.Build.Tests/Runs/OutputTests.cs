using System.Text.Json;
using Slipway.Build.Execution;
using Slipway.Build.Logging;
using Slipway.Build.Tests.Infrastructure;

namespace Slipway.Build.Tests.Runs;

/// <summary>What a run writes: grouped target output, the end summary, the exit code, verbosity and the JSON log files.</summary>
public sealed class OutputTests : IDisposable
{
    private readonly TestRoot _root = new();

    public void Dispose() => _root.Dispose();

    private sealed class MixedBuild : RecordingBuild
    {
        public Target Compile => _ => _.Executes(async () =>
        {
            Log.Information("compiling quietly");
            await Task.Delay(20);
            ReportSummary("3 projects");
        });

        public Target Lint => _ => _.OnlyWhenStatic(() => IsServerBuild);
        public Target Test => _ => _.DependsOn(Compile).Executes(() => throw new TargetFailedException("2 of 10 tests failed\nsecond line"));
        public Target Pack => _ => _.DependsOn(Test);
        public Target All => _ => _.DependsOn(Lint, Pack);
        public Target Good => _ => _.DependsOn(Compile, Lint);
    }

    [Fact]
    public async Task The_summary_has_a_row_per_target_with_status_duration_and_note_and_the_exit_code_is_1_on_failure()
    {
        var outcome = await _root.RunAsync(new MixedBuild(), x => x.All);
        Assert.Equal(1, outcome.ExitCode);
        var output = outcome.Output;
        Assert.Matches(@"(?m)^Compile\s+Succeeded\s+\d+:\d\d\.\d{3}\s+3 projects$", output);
        Assert.Matches(@"(?m)^Lint\s+Skipped\s+–\s+IsServerBuild$", output);
        Assert.Matches(@"(?m)^Test\s+Failed\s+\d+:\d\d\.\d{3}\s+2 of 10 tests failed$", output);
        // Once the build has stopped, the targets after the failure are not run, whatever they need.
        Assert.Matches(@"(?m)^Pack\s+NotRun\s+–$", output);
        Assert.Matches(@"(?m)^All\s+NotRun\s+–$", output);
        Assert.Matches(@"(?m)^Total\s+\d+:\d{2}\.\d{3}$", output);
        Assert.EndsWith("Build failed." + Environment.NewLine, output);
        Assert.True(outcome.Result("Compile").Duration >= TimeSpan.FromMilliseconds(15));
        Assert.Contains("ERR Test failed: 2 of 10 tests failed", output);
    }

    [Fact]
    public async Task A_successful_run_exits_0_and_says_so()
    {
        var outcome = await _root.RunAsync(new MixedBuild(), x => x.Good);
        Assert.Equal(0, outcome.ExitCode);
        Assert.EndsWith("Build succeeded." + Environment.NewLine, outcome.Output);
        Assert.Equal([TargetStatus.Succeeded, TargetStatus.Skipped, TargetStatus.Succeeded], outcome.Results.Select(r => r.Status));
    }

    [Fact]
    public async Task Each_target_that_runs_gets_a_header_and_plain_output_has_no_colour_codes()
    {
        var outcome = await _root.RunAsync(new MixedBuild(), x => x.Good);
        Assert.Contains("── Compile ──", outcome.Output);
        Assert.DoesNotContain("── Lint ", outcome.Output); // skipped targets don't run, so they get no group
        Assert.Contains("INF compiling quietly", outcome.Output);
        Assert.DoesNotContain('\u001b', outcome.Output);
    }

    [Fact]
    public async Task Quiet_shows_only_errors_and_the_summary_but_the_log_file_has_everything()
    {
        var outcome = await _root.RunAsync(new MixedBuild(), x => x.All, "--verbosity", "quiet");
        Assert.Equal(1, outcome.ExitCode);
        Assert.DoesNotContain("compiling quietly", outcome.Output);
        Assert.DoesNotContain(" INF ", outcome.Output);
        Assert.Contains("ERR Test failed", outcome.Output);
        Assert.Contains("Build failed.", outcome.Output);
        Assert.Contains("compiling quietly", _root.ReadLogFiles());
    }

    [Fact]
    public async Task Verbose_shows_debug_lines_such_as_skip_reasons()
    {
        var outcome = await _root.RunAsync(new MixedBuild(), x => x.Good, "--verbosity", "verbose");
        Assert.Contains("DBG Skipping Lint: IsServerBuild", outcome.Output);
        Assert.DoesNotContain("DBG", (await _root.RunAsync(new MixedBuild(), x => x.Good)).Output);
    }

    [Fact]
    public async Task Each_run_writes_a_compact_json_log_under_nuke_temp_logs()
    {
        await _root.RunAsync(new MixedBuild(), x => x.All);
        var file = Assert.Single(Directory.GetFiles(_root.LogDirectory, "build-*.json"));
        var events = (await File.ReadAllLinesAsync(file)).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.All(events, e => Assert.True(e.TryGetProperty("@t", out _)));
        Assert.Contains(events, e => e.GetProperty("@mt").GetString() == "compiling quietly");
        Assert.Contains(events, e => e.TryGetProperty("@l", out var level) && level.GetString() == "Error" && e.GetProperty("Target").GetString() == "Test");
    }

    [Fact]
    public async Task Only_the_last_ten_json_logs_are_kept()
    {
        Directory.CreateDirectory(_root.LogDirectory);
        var old = Enumerable.Range(0, 12).Select(i => _root.LogDirectory / $"build-20000101-000000-{i:000}.json").ToList();
        foreach (var file in old) await File.WriteAllTextAsync(file, "{}\n");

        await _root.RunAsync(new MixedBuild(), x => x.Good);

        var kept = Directory.GetFiles(_root.LogDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(BuildLogging.KeptLogFiles, kept.Count);
        Assert.Equal(old.Skip(3).Select(f => f.Name), kept.Take(9));
        Assert.DoesNotContain("2000", kept[9]);
    }
}
