using Slipway.Build.Execution;
using Slipway.Build.Tests.Infrastructure;
using Slipway.Build.Tests.Unit;

namespace Slipway.Build.Tests.Runs;

/// <summary>What each part of a target's definition does when a build really runs.</summary>
public sealed class TargetDefinitionTests : IDisposable
{
    private readonly TestRoot _root = new();

    public void Dispose() => _root.Dispose();

    private sealed class ExecutesBuild : RecordingBuild
    {
        public Target Sync => _ => _.Executes(() => Ran.Add(nameof(Sync)));

        public Target Async => _ => _.DependsOn(Sync).Executes(async () =>
        {
            Ran.Add("Async started");
            await Task.Delay(100);
            Ran.Add("Async finished");
        });

        public Target WithToken => _ => _.DependsOn(Async).Executes(async ct =>
        {
            await Task.Delay(50, ct);
            Ran.Add(nameof(WithToken));
        });

        public Target Several => _ => _.DependsOn(WithToken).Executes(() => Ran.Add("first")).Executes(async () =>
        {
            await Task.Yield();
            Ran.Add("second");
        });
    }

    [Fact]
    public async Task Sync_and_async_actions_run_in_order_and_async_ones_are_awaited_before_the_next_target()
    {
        var build = new ExecutesBuild();
        var outcome = await _root.RunAsync(build, x => x.Several);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Sync", "Async started", "Async finished", "WithToken", "first", "second"], build.Ran);
        Assert.True(outcome.Result("Async").Duration >= TimeSpan.FromMilliseconds(90), outcome.ToString());
    }

    private sealed class ComponentRunBuild : RecordingBuild, IPackComponent
    {
        Target ICompileComponent.Compile => _ => _.DependsOn<IRestoreComponent>().Executes(() => Ran.Add("my Compile"));
    }

    [Fact]
    public async Task Component_targets_run_and_an_explicit_override_replaces_the_default_body()
    {
        var build = new ComponentRunBuild();
        var outcome = await _root.RunAsync(build, x => x.From<IPackComponent>().Pack);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Restore", "my Compile", "Pack"], build.Ran);
    }

    private sealed class DynamicBuild : RecordingBuild
    {
        public bool Ready { get; set; }
        public Target Prepare => _ => _.Executes(() => Ready = true);
        public Target Early => _ => _.OnlyWhenDynamic(() => Ready).Executes(() => Ran.Add(nameof(Early)));
        public Target Late => _ => _.DependsOn(Prepare, Early).OnlyWhenDynamic(() => Ready).Executes(() => Ran.Add(nameof(Late)));
        public Target Never => _ => _.DependsOn(Late).OnlyWhenDynamic(() => !Ready).Executes(() => Ran.Add(nameof(Never)));
    }

    [Fact]
    public async Task Dynamic_conditions_are_evaluated_right_before_the_target_and_their_text_is_the_skip_reason()
    {
        var build = new DynamicBuild();
        var outcome = await _root.RunAsync(build, x => x.Never);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Early", "Late"], build.Ran);
        Assert.Equal(TargetStatus.Skipped, outcome.Status("Never"));
        Assert.Equal("!Ready", outcome.Result("Never").Note);
        Assert.Matches(@"(?m)^Never\s+Skipped\s+–\s+!Ready$", outcome.Output);
    }

    private sealed class StaticBuild : RecordingBuild
    {
        public Target Dependency => _ => _.Executes(() => Ran.Add(nameof(Dependency)));
        public Target Local => _ => _.DependsOn(Dependency).OnlyWhenStatic(() => IsServerBuild).Executes(() => Ran.Add(nameof(Local)));
        public Target Pruned => _ => _.DependsOn(Dependency).OnlyWhenStatic(() => IsServerBuild).WhenSkipped(DependencyBehavior.Skip)
            .Executes(() => Ran.Add(nameof(Pruned)));
    }

    [Fact]
    public async Task A_static_condition_skips_the_target_but_its_dependencies_still_run()
    {
        var build = new StaticBuild();
        var outcome = await _root.RunAsync(build, x => x.Local);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Dependency"], build.Ran);
        Assert.Equal("IsServerBuild", outcome.Result("Local").Note);
    }

    [Fact]
    public async Task WhenSkipped_Skip_skips_the_dependencies_too()
    {
        var build = new StaticBuild();
        var outcome = await _root.RunAsync(build, x => x.Pruned);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Equal(TargetStatus.Skipped, outcome.Status("Dependency"));
        Assert.Equal("dependency of skipped Pruned", outcome.Result("Dependency").Note);
    }

    private sealed class RequiresBuild : RecordingBuild
    {
        [Parameter("Where images go")] public readonly string? Registry;
        [Parameter] public readonly int Replicas = 1;
        public Target Push => _ => _.Requires(() => Registry).Executes(() => Ran.Add(nameof(Push)));
        public Target Scale => _ => _.Requires(() => Replicas > 1).Executes(() => Ran.Add(nameof(Scale)));
        public Target Both => _ => _.DependsOn(Push, Scale);
        public Target SkippedPush => _ => _.OnlyWhenStatic(() => false).Requires(() => Registry).Executes(() => Ran.Add(nameof(SkippedPush)));
    }

    [Fact]
    public async Task Requires_a_parameter_fails_before_any_target_runs_and_says_how_to_set_it()
    {
        var build = new RequiresBuild();
        var outcome = await _root.RunAsync(build, x => x.Both, "--replicas", "3");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("Parameter 'Registry' is required by target Push: set --registry, the environment variable REGISTRY, or \"Registry\" in .nuke/parameters.json.", outcome.Output);
    }

    [Fact]
    public async Task Requires_a_condition_fails_with_the_conditions_text()
    {
        var build = new RequiresBuild();
        var outcome = await _root.RunAsync(build, x => x.Scale);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("Target Scale requires Replicas > 1.", outcome.Output);
    }

    [Fact]
    public async Task Requirements_that_hold_let_the_targets_run()
    {
        var build = new RequiresBuild();
        var outcome = await _root.RunAsync(build, x => x.Both, "--registry", "localhost:5000", "--replicas", "2");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Push", "Scale"], build.Ran);
    }

    [Fact]
    public async Task Requirements_of_a_skipped_target_are_not_checked()
    {
        var outcome = await _root.RunAsync(new RequiresBuild(), x => x.SkippedPush);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(TargetStatus.Skipped, outcome.Status("SkippedPush"));
    }

    private sealed class ValidatingBuild : RecordingBuild
    {
        [Parameter] public readonly int Replicas = 1;
        [Parameter] public readonly string? Name;
        public int Checks;

        public Target Slow => _ => _.Executes(() => Ran.Add(nameof(Slow)));

        public Target Deploy => _ => _
            .DependsOn(Slow)
            .Validates(() =>
            {
                Checks++;
                if (Replicas < 1) throw new ParameterException($"Parameter 'Replicas': {Replicas} is out of range; expected 1 or more.");
            })
            .Validates(async ct =>
            {
                await Task.Yield();
                if (Name == "bad") throw new InputException("deploy.yaml: field 'name': 'bad' is not allowed.");
            })
            .Validates(() => throw new InputException("deploy.yaml: field 'name': 'bad' is not allowed."))
            .Executes(() => Ran.Add(nameof(Deploy)));

        public Target Skipped => _ => _.OnlyWhenStatic(() => false).Validates(() => throw new InputException("never checked")).Executes(() => Ran.Add(nameof(Skipped)));
    }

    [Fact]
    public async Task Validations_of_the_planned_targets_run_before_any_target_and_report_every_input_error_once()
    {
        var build = new ValidatingBuild();
        var outcome = await _root.RunAsync(build, x => x.Deploy, "--replicas", "0", "--name", "bad");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Equal(1, build.Checks);
        Assert.Contains("Parameter 'Replicas': 0 is out of range; expected 1 or more.", outcome.Output);
        Assert.Single(outcome.Output.Split('\n'), l => l.Contains("deploy.yaml: field 'name': 'bad' is not allowed."));
        Assert.DoesNotContain("   at ", outcome.Output);
    }

    [Fact]
    public async Task Validations_of_skipped_targets_are_not_run()
    {
        var outcome = await _root.RunAsync(new ValidatingBuild(), x => x.Skipped);
        Assert.Equal(0, outcome.ExitCode);
        Assert.DoesNotContain("never checked", outcome.Output);
    }

    private sealed class ProducingBuild : RecordingBuild
    {
        public Target Report => _ => _.Produces("artifacts/report/**").Executes(() =>
        {
            Directory.CreateDirectory(ArtifactsDirectory / "report");
            File.WriteAllText(ArtifactsDirectory / "report" / $"{Ran.Count}.txt", "");
            Ran.Add(nameof(Report));
        });
    }

    [Fact]
    public async Task A_target_starts_without_what_earlier_runs_left_where_it_writes()
    {
        Directory.CreateDirectory(_root.Path / "artifacts" / "report" / "old");
        File.WriteAllText(_root.Path / "artifacts" / "report" / "old" / "other-stack.cdx.json", "");
        File.WriteAllText(_root.Path / "artifacts" / "kept.txt", "");

        var outcome = await _root.RunAsync(new ProducingBuild(), x => x.Report);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["0.txt"], Directory.GetFiles(_root.Path / "artifacts" / "report", "*", SearchOption.AllDirectories).Select(Path.GetFileName));
        Assert.True(File.Exists(_root.Path / "artifacts" / "kept.txt"));
    }

    private sealed class RequiredAttributeBuild : RecordingBuild
    {
        [Parameter, Required] public readonly string? Token;
        public Target Run => _ => _.Executes(() => Ran.Add(nameof(Run)));
    }

    [Fact]
    public async Task A_Required_parameter_without_a_value_fails_the_build_before_any_target()
    {
        var build = new RequiredAttributeBuild();
        var outcome = await _root.RunAsync(build, x => x.Run);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("Parameter 'Token' is required by this build", outcome.Output);

        _root.Environment["TOKEN"] = "x";
        Assert.Equal(0, (await _root.RunAsync(build, x => x.Run)).ExitCode);
    }

    private sealed class FailureBuild : RecordingBuild
    {
        public Target Prepare => _ => _.Executes(() => Ran.Add(nameof(Prepare)));
        public Target Flaky => _ => _.DependsOn(Prepare).ProceedAfterFailure().Executes(() => throw new TargetFailedException("flaky broke"));
        public Target AfterFlaky => _ => _.DependsOn(Flaky).Executes(() => Ran.Add(nameof(AfterFlaky)));
        public Target Independent => _ => _.DependsOn(Prepare).Executes(() => Ran.Add(nameof(Independent)));
        public Target Breaks => _ => _.DependsOn(Independent).Executes(() => throw new TargetFailedException("broke"));
        public Target Following => _ => _.DependsOn(Prepare).After(Breaks).Executes(() => Ran.Add(nameof(Following)));
        public Target Cleanup => _ => _.After(Breaks, Following).AssuredAfterFailure().Executes(() => Ran.Add(nameof(Cleanup)));
        public Target AllAfterFlaky => _ => _.DependsOn(AfterFlaky, Independent);
        public Target All => _ => _.DependsOn(Breaks, Following, Cleanup);
    }

    [Fact]
    public async Task ProceedAfterFailure_lets_the_build_go_on_but_not_the_targets_that_need_the_failed_one()
    {
        var build = new FailureBuild();
        var outcome = await _root.RunAsync(build, x => x.AllAfterFlaky);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(["Prepare", "Independent"], build.Ran);
        Assert.Equal(TargetStatus.Failed, outcome.Status("Flaky"));
        Assert.Equal("flaky broke", outcome.Result("Flaky").Note);
        Assert.Equal(TargetStatus.NotRun, outcome.Status("AfterFlaky"));
        Assert.Equal("Flaky did not succeed", outcome.Result("AfterFlaky").Note);
        Assert.Equal(TargetStatus.Succeeded, outcome.Status("Independent"));
    }

    [Fact]
    public async Task A_failure_stops_the_build_but_assured_targets_still_run()
    {
        var build = new FailureBuild();
        var outcome = await _root.RunAsync(build, x => x.All);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(["Prepare", "Independent", "Cleanup"], build.Ran);
        Assert.Equal(TargetStatus.Failed, outcome.Status("Breaks"));
        Assert.Equal(TargetStatus.NotRun, outcome.Status("Following"));
        Assert.Equal(TargetStatus.Succeeded, outcome.Status("Cleanup"));
        Assert.Equal(TargetStatus.NotRun, outcome.Status("All"));
    }

    private sealed class ListingBuild : RecordingBuild
    {
        public Target Visible => _ => _.Description("Shown").DependsOn(Helper).Executes(() => Ran.Add(nameof(Visible)));
        public Target Helper => _ => _.Unlisted().Executes(() => Ran.Add(nameof(Helper)));
    }

    [Fact]
    public async Task Unlisted_targets_run_as_dependencies_and_by_name_but_are_hidden_from_help()
    {
        var build = new ListingBuild();
        Assert.Equal(0, (await _root.RunAsync(build, x => x.Visible)).ExitCode);
        Assert.Equal(0, (await _root.RunAsync(build, x => x.Visible, "helper")).ExitCode);
        Assert.Equal(["Helper", "Visible", "Helper"], build.Ran);

        var help = await _root.RunAsync(build, x => x.Visible, "--help");
        Assert.Contains("Visible (default)", help.Output);
        Assert.DoesNotContain("  Helper", help.Output);
    }

    private sealed class ProducesBuild : RecordingBuild
    {
        public Target Images => _ => _.Produces("artifacts/images.json", "artifacts/sbom/*.json").Executes(() => Ran.Add(nameof(Images)));
        public Target Scan => _ => _.Consumes(Images).Produces("artifacts/scan/**").Executes(() => Ran.Add(nameof(Scan)));
    }

    [Fact]
    public async Task Produces_and_Consumes_are_declared_in_the_plan_and_order_the_consumer_after_the_producer()
    {
        var build = new ProducesBuild();
        var plan = await _root.RunAsync(build, x => x.Scan, "scan", "images", "--plan", "--format", "json");
        Assert.Equal(0, plan.ExitCode);
        Assert.Contains("\"artifacts/sbom/*.json\"", plan.Output);
        Assert.Contains("\"consumes\": [\n        \"Images\"\n      ]", plan.Output.ReplaceLineEndings("\n"));

        Assert.Equal(0, (await _root.RunAsync(build, x => x.Scan, "scan", "images")).ExitCode);
        Assert.Equal(["Images", "Scan"], build.Ran);
    }
}
