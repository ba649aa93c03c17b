using System.Text.Json;
using Slipway.Build.Execution;
using Slipway.Build.Tests.Infrastructure;

namespace Slipway.Build.Tests.Runs;

/// <summary>Planning from the command line: which targets run, in which order, and --plan in its three formats.</summary>
public sealed class PlanningTests : IDisposable
{
    private readonly TestRoot _root = new();

    public void Dispose() => _root.Dispose();

    private sealed class OrderBuild : RecordingBuild
    {
        public Target Restore => _ => _.Executes(() => Ran.Add(nameof(Restore)));
        public Target Compile => _ => _.DependsOn(Restore).Executes(() => Ran.Add(nameof(Compile)));
        public Target BuildImages => _ => _.DependsOn(Compile).Executes(() => Ran.Add(nameof(BuildImages)));
        public Target Docs => _ => _.Executes(() => Ran.Add(nameof(Docs)));
        public Target Test => _ => _.DependsOn(Compile).Executes(() => Ran.Add(nameof(Test)));
        public Target Hidden => _ => _.Unlisted();
    }

    [Fact]
    public async Task The_default_target_runs_with_its_dependencies_in_order()
    {
        var build = new OrderBuild();
        Assert.Equal(0, (await _root.RunAsync(build, x => x.Test)).ExitCode);
        Assert.Equal(["Restore", "Compile", "Test"], build.Ran);
    }

    [Fact]
    public async Task Several_targets_are_invoked_by_names_in_any_case_with_dashes()
    {
        var build = new OrderBuild();
        var outcome = await _root.RunAsync(build, x => x.Test, "test", "build-images", "DOCS");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Restore", "Compile", "BuildImages", "Docs", "Test"], build.Ran);
    }

    [Fact]
    public async Task Skip_alone_runs_only_the_invoked_targets()
    {
        var build = new OrderBuild();
        var outcome = await _root.RunAsync(build, x => x.Test, "test", "--skip");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Test"], build.Ran);
        Assert.Equal("--skip", outcome.Result("Compile").Note);
        Assert.Equal(TargetStatus.Skipped, outcome.Status("Restore"));
    }

    [Fact]
    public async Task Skip_with_names_skips_those()
    {
        var build = new OrderBuild();
        var outcome = await _root.RunAsync(build, x => x.Test, "build-images", "test", "--skip", "restore", "Build-Images");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Compile", "Test"], build.Ran);
        Assert.Matches(@"(?m)^BuildImages\s+Skipped\s+–\s+--skip$", outcome.Output);
    }

    [Fact]
    public async Task Targets_and_skips_can_come_from_a_parameters_file_when_the_command_line_has_none()
    {
        _root.WriteNukeFile("parameters.json", """{ "Target": ["docs", "compile"], "Skip": ["Restore"] }""");
        var fromFile = new OrderBuild();
        Assert.Equal(0, (await _root.RunAsync(fromFile, x => x.Test)).ExitCode);
        Assert.Equal(["Compile", "Docs"], fromFile.Ran);

        var fromCli = new OrderBuild();
        Assert.Equal(0, (await _root.RunAsync(fromCli, x => x.Test, "docs")).ExitCode);
        Assert.Equal(["Docs"], fromCli.Ran);
    }

    [Fact]
    public async Task An_unknown_target_exits_1_and_lists_the_valid_ones()
    {
        var build = new OrderBuild();
        var outcome = await _root.RunAsync(build, x => x.Test, "NoSuchTarget");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("Unknown target 'NoSuchTarget'. Valid targets: Restore, Compile, BuildImages, Docs, Test.", outcome.Output);
    }

    private sealed class CycleBuild : RecordingBuild
    {
        // Up triggers Down, so Down runs after Up; Down is DependentFor Up, so Down runs before Up.
        public Target Up => _ => _.Triggers(Down).Executes(() => Ran.Add(nameof(Up)));
        public Target Down => _ => _.DependentFor(Up).Executes(() => Ran.Add(nameof(Down)));
        public Target Other => _ => _.Executes(() => Ran.Add(nameof(Other)));
    }

    [Fact]
    public async Task A_cycle_exits_1_and_names_the_targets_in_it()
    {
        var build = new CycleBuild();
        var outcome = await _root.RunAsync(build, x => x.Other);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Matches(@"The targets form a cycle: (Up -> Down -> Up|Down -> Up -> Down)\.", outcome.Output);
    }

    [Fact]
    public async Task Plan_as_text_prints_the_order_without_running_anything()
    {
        var build = new OrderBuild();
        var outcome = await _root.RunAsync(build, x => x.Test, "test", "docs", "--skip", "restore", "--plan", "--format", "text");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Equal(
            """
             1. Restore (skipped: --skip)
             2. Compile
             3. Docs (invoked)
             4. Test (invoked)

            """.ReplaceLineEndings(), outcome.Output);
    }

    [Fact]
    public async Task Plan_as_json_prints_the_default_targets_plan()
    {
        var outcome = await _root.RunAsync(new OrderBuild(), x => x.Test, "--plan", "--format", "json");
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Output);
        Assert.Equal(["Test"], json.RootElement.GetProperty("invoked").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Restore", "Compile", "Test"], json.RootElement.GetProperty("targets").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Plan_alone_writes_an_html_page_under_nuke_temp_and_prints_its_path()
    {
        var outcome = await _root.RunAsync(new OrderBuild(), x => x.Test, "--plan");
        Assert.Equal(0, outcome.ExitCode);
        var page = _root.Nuke / "temp" / "plan.html";
        Assert.Contains(page.Value + Environment.NewLine, outcome.Output);
        var html = await File.ReadAllTextAsync(page);
        Assert.Contains("<svg", html);
        Assert.Contains("3. Test", html);
    }
}
