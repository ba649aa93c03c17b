using Slipway.Build.Planning;
using Slipway.Build.Tests.Infrastructure;

namespace Slipway.Build.Tests.Unit;

/// <summary>ExecutionPlanner over discovered targets: what is pulled in, in which order, and what is skipped why.</summary>
public class PlannerTests
{
    private sealed class ChainBuild : RecordingBuild
    {
        // Declared in an order different from the DependsOn order, so ties are visibly broken by declaration.
        public Target Lint => _ => _;
        public Target Restore => _ => _;
        public Target Compile => _ => _.DependsOn(Restore);
        public Target Docs => _ => _;
        public Target Test => _ => _.DependsOn(Compile);
        public Target All => _ => _.DependsOn(Docs, Test, Lint);
        public Target Unrelated => _ => _;
    }

    [Fact]
    public void Dependencies_are_pulled_in_and_run_first()
    {
        var plan = Plans.Plan(new ChainBuild(), x => x.Test);
        Assert.Equal(["Restore", "Compile", "Test"], plan.Order());
    }

    [Fact]
    public void Declaration_order_breaks_ties_not_the_order_of_DependsOn()
    {
        var plan = Plans.Plan(new ChainBuild(), x => x.All);
        Assert.Equal(["Lint", "Restore", "Compile", "Docs", "Test", "All"], plan.Order());
    }

    [Fact]
    public void The_order_is_the_same_on_every_run()
    {
        var orders = Enumerable.Range(0, 5).Select(_ => string.Join(",", Plans.Plan(new ChainBuild(), x => x.All).Order())).Distinct();
        Assert.Single(orders);
    }

    [Fact]
    public void The_default_target_is_planned_when_none_is_invoked()
    {
        var plan = Plans.Plan(new ChainBuild(), x => x.Compile);
        Assert.Equal(["Compile"], plan.Invoked.Select(t => t.Name));
        Assert.Equal(["Restore", "Compile"], plan.Order());
    }

    [Theory]
    [InlineData("compile")]
    [InlineData("COMPILE")]
    [InlineData("com-pile")]
    [InlineData("-Com-Pi-Le-")]
    public void Invoked_names_ignore_case_and_dashes(string typed)
    {
        var plan = Plans.Plan(new ChainBuild(), x => x.All, typed);
        Assert.Equal(["Restore", "Compile"], plan.Order());
    }

    [Fact]
    public void Several_targets_can_be_invoked()
    {
        var plan = Plans.Plan(new ChainBuild(), x => x.All, "unrelated", "compile", "Lint");
        Assert.Equal(["Unrelated", "Compile", "Lint"], plan.Invoked.Select(t => t.Name));
        Assert.Equal(["Lint", "Restore", "Compile", "Unrelated"], plan.Order());
        Assert.All(plan.Steps, s => Assert.Equal(s.Target.Name != "Restore", s.IsInvoked));
    }

    [Fact]
    public void An_unknown_target_is_an_error_that_lists_the_valid_ones()
    {
        var e = Assert.Throws<PlanningException>(() => Plans.Plan(new ChainBuild(), x => x.All, "Compil"));
        Assert.Contains("'Compil'", e.Message);
        Assert.Contains("Lint, Restore, Compile, Docs, Test, All, Unrelated", e.Message);
    }

    private sealed class UnlistedBuild : RecordingBuild
    {
        public Target Visible => _ => _;
        public Target Hidden => _ => _.Unlisted();
    }

    [Fact]
    public void Unlisted_targets_can_be_invoked_but_are_not_offered_as_valid_names()
    {
        Assert.Equal(["Hidden"], Plans.Plan(new UnlistedBuild(), x => x.Visible, "hidden").Order());
        var e = Assert.Throws<PlanningException>(() => Plans.Plan(new UnlistedBuild(), x => x.Visible, "nope"));
        Assert.EndsWith("Valid targets: Visible.", e.Message);
    }

    private sealed class CycleBuild : RecordingBuild
    {
        public Target Start => _ => _;
        public Target A => _ => _.DependsOn(C);
        public Target B => _ => _.DependsOn(A);
        public Target C => _ => _.DependsOn(B);
    }

    [Fact]
    public void A_cycle_is_an_error_that_names_its_targets()
    {
        // Cycles are reported even when the invoked target is outside them: the build's definition is wrong.
        var e = Assert.Throws<PlanningException>(() => Plans.Plan(new CycleBuild(), x => x.Start));
        Assert.Contains("cycle", e.Message);
        foreach (var name in new[] { "A", "B", "C" }) Assert.Contains(name, e.Message);
        Assert.DoesNotContain("Start", e.Message);
    }

    private sealed class OrderingCycleBuild : RecordingBuild
    {
        public Target A => _ => _.Before(B);
        public Target B => _ => _.Before(A);
    }

    [Fact]
    public void A_cycle_made_of_Before_relations_is_found_too()
    {
        var e = Assert.Throws<PlanningException>(() => Plans.Plan(new OrderingCycleBuild(), x => x.A));
        Assert.Matches(@"A -> B -> A|B -> A -> B", e.Message);
    }

    private sealed class RelationsBuild : RecordingBuild
    {
        public Target Deploy => _ => _;
        public Target Package => _ => _;
        public Target Compile => _ => _;
        public Target Check => _ => _.DependentFor(Deploy);
        public Target Notify => _ => _.TriggeredBy(Deploy);
        public Target Report => _ => _.After(Compile);
        public Target Clean => _ => _.Before(Compile, Package);
        public Target Publish => _ => _.Triggers(Report);
        public Target Upload => _ => _.Consumes(Package);
    }

    [Fact]
    public void DependentFor_makes_the_target_a_dependency_of_the_other()
    {
        var plan = Plans.Plan(new RelationsBuild(), x => x.Deploy);
        Assert.Equal(["Check", "Deploy", "Notify"], plan.Order());
    }

    [Fact]
    public void TriggeredBy_and_Triggers_pull_the_triggered_target_in_after_the_trigger()
    {
        Assert.Equal(["Check", "Deploy", "Notify"], Plans.Plan(new RelationsBuild(), x => x.Deploy).Order());
        Assert.Equal(["Publish", "Report"], Plans.Plan(new RelationsBuild(), x => x.Publish).Order());
        // A triggered target alone does not pull in what triggers it.
        Assert.Equal(["Report"], Plans.Plan(new RelationsBuild(), x => x.Report).Order());
    }

    [Fact]
    public void Before_and_After_order_targets_that_both_run_without_pulling_either_in()
    {
        Assert.Equal(["Compile"], Plans.Plan(new RelationsBuild(), x => x.Compile).Order());
        // Declared order is Package, Compile, ..., Report, Clean; Clean must still come before Compile and Package.
        Assert.Equal(["Clean", "Package", "Compile", "Report"], Plans.Plan(new RelationsBuild(), x => x.Report, "report", "compile", "clean", "package").Order());
    }

    [Fact]
    public void Consumes_orders_the_consumer_after_the_producer_without_pulling_it_in()
    {
        Assert.Equal(["Upload"], Plans.Plan(new RelationsBuild(), x => x.Upload).Order());
        Assert.Equal(["Package", "Upload"], Plans.Plan(new RelationsBuild(), x => x.Upload, "upload", "package").Order());
    }

    [Fact]
    public void Skip_alone_skips_every_target_that_was_not_invoked()
    {
        var plan = Plans.Plan(new ChainBuild(), x => x.All, new PlanRequest(["test"], true, []));
        Assert.Equal(["Restore", "Compile", "Test"], plan.Order());
        Assert.Equal("--skip", plan.SkipReason("Restore"));
        Assert.Equal("--skip", plan.SkipReason("Compile"));
        Assert.Null(plan.SkipReason("Test"));
    }

    [Fact]
    public void Skip_with_names_skips_those_only()
    {
        var plan = Plans.Plan(new ChainBuild(), x => x.All, new PlanRequest(["test"], false, ["restore", "COMPILE"]));
        Assert.Equal("--skip", plan.SkipReason("Restore"));
        Assert.Equal("--skip", plan.SkipReason("Compile"));
        Assert.Null(plan.SkipReason("Test"));
    }

    [Fact]
    public void Skipping_an_unknown_target_is_an_error()
    {
        var e = Assert.Throws<PlanningException>(() => Plans.Plan(new ChainBuild(), x => x.All, new PlanRequest([], false, ["Nope"])));
        Assert.Contains("'Nope'", e.Message);
    }

    private sealed class ConditionBuild : RecordingBuild
    {
        public bool Enabled { get; init; }
        public Target Setup => _ => _;
        public Target Shared => _ => _;
        public Target Guarded => _ => _.DependsOn(Setup, Shared).OnlyWhenStatic(() => Enabled).WhenSkipped(DependencyBehavior.Skip);
        public Target Plain => _ => _.DependsOn(Setup).OnlyWhenStatic(() => Enabled && IsServerBuild);
        public Target Needs => _ => _.DependsOn(Shared);
        public Target Both => _ => _.DependsOn(Guarded, Needs);
    }

    [Fact]
    public void A_false_static_condition_skips_the_target_with_the_condition_text_as_reason()
    {
        var plan = Plans.Plan(new ConditionBuild { Enabled = false }, x => x.Plain);
        Assert.Equal("Enabled && IsServerBuild", plan.SkipReason("Plain"));
        // Without WhenSkipped(Skip) the dependencies still run.
        Assert.Null(plan.SkipReason("Setup"));
    }

    [Fact]
    public void A_true_static_condition_runs_the_target()
    {
        var plan = Plans.Plan(new ConditionBuild { Enabled = true }, x => x.Guarded);
        Assert.All(plan.Steps, s => Assert.Null(s.SkipReason));
    }

    [Fact]
    public void WhenSkipped_Skip_also_skips_dependencies_that_no_running_target_needs()
    {
        var plan = Plans.Plan(new ConditionBuild { Enabled = false }, x => x.Both);
        Assert.Equal("Enabled", plan.SkipReason("Guarded"));
        Assert.Equal("dependency of skipped Guarded", plan.SkipReason("Setup"));
        // Needs still runs and needs Shared, so Shared runs.
        Assert.Null(plan.SkipReason("Shared"));
        Assert.Null(plan.SkipReason("Needs"));
    }
}
