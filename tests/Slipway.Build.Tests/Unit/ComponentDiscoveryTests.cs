using Slipway.Build.Tests.Infrastructure;

namespace Slipway.Build.Tests.Unit;

public interface IRestoreComponent : ISlipwayBuild, IRecords
{
    Target Restore => _ => _.Description("Restores").Executes(() => Ran.Add(nameof(Restore)));
}

public interface ICompileComponent : IRestoreComponent
{
    Target Compile => _ => _.Description("Compiles").DependsOn<IRestoreComponent>().Executes(() => Ran.Add(nameof(Compile)));
    Target CompileDocs => _ => _.Executes(() => Ran.Add(nameof(CompileDocs)));
}

public interface IPackComponent : ICompileComponent
{
    Target Pack => _ => _.DependsOn<ICompileComponent>(x => x.Compile).Executes(() => Ran.Add(nameof(Pack)));
}

/// <summary>A component this build does not have: relations to it are either optional or an error.</summary>
public interface IAbsentComponent : ISlipwayBuild
{
    Target Absent => _ => _;
}

/// <summary>Target discovery: class targets, component targets, references between them, explicit overrides.</summary>
public class ComponentDiscoveryTests
{
    private sealed class ComponentBuild : RecordingBuild, IPackComponent
    {
        public Target Own => _ => _.DependsOn<ICompileComponent>().Executes(() => Ran.Add(nameof(Own)));
    }

    private sealed class OverridingBuild : RecordingBuild, IPackComponent
    {
        Target ICompileComponent.Compile => _ => _.Description("Compiles differently").DependsOn<IRestoreComponent>(x => x.Restore)
            .Executes(() => Ran.Add("Compile (overridden)"));
    }

    [Fact]
    public void Component_targets_are_discovered_after_the_class_targets_in_the_order_the_components_extend_each_other()
    {
        var names = Plans.Targets(new ComponentBuild()).Select(t => $"{t.DeclaringType.Name}.{t.Name}");
        Assert.Equal(["ComponentBuild.Own", "IRestoreComponent.Restore", "ICompileComponent.Compile", "ICompileComponent.CompileDocs", "IPackComponent.Pack"], names);
    }

    [Fact]
    public void DependsOn_a_component_depends_on_every_target_it_declares()
    {
        var own = Plans.Targets(new ComponentBuild()).Single(t => t.Name == "Own");
        Assert.Equal(["Compile", "CompileDocs"], own.DependsOn.Select(t => t.Name));
    }

    [Fact]
    public void DependsOn_a_component_member_depends_on_that_target()
    {
        var plan = Plans.Plan(new ComponentBuild(), x => x.From<IPackComponent>().Pack);
        Assert.Equal(["Restore", "Compile", "Pack"], plan.Order());
    }

    [Fact]
    public void An_explicit_interface_member_overrides_the_components_target()
    {
        var targets = Plans.Targets(new OverridingBuild());
        var compile = targets.Single(t => t.Name == "Compile");
        Assert.Equal("Compiles differently", compile.Description);
        Assert.Equal(typeof(ICompileComponent), compile.DeclaringType);
        Assert.Equal(["Restore"], compile.DependsOn.Select(t => t.Name));
        // Pack's reference x => x.Compile resolves to the override.
        Assert.Same(compile, targets.Single(t => t.Name == "Pack").DependsOn.Single());
    }

    private sealed class ReferencesAbsentBuild : RecordingBuild
    {
        public Target Needs => _ => _.DependsOn<IAbsentComponent>(x => x.Absent);
    }

    [Fact]
    public void DependsOn_a_component_the_build_does_not_have_is_a_definition_error()
    {
        var e = Assert.Throws<BuildDefinitionException>(() => Plans.Targets(new ReferencesAbsentBuild()));
        Assert.Contains("Needs", e.Message);
        Assert.Contains("IAbsentComponent", e.Message);
    }

    private sealed class OptionalRelationsBuild : RecordingBuild
    {
        public Target Scan => _ => _.TryBefore<IAbsentComponent>(x => x.Absent).TryDependentFor<IAbsentComponent>().TryAfter<IAbsentComponent>()
            .TryDependsOn<IAbsentComponent>(x => x.Absent).TryTriggers<IAbsentComponent>().TryTriggeredBy<IAbsentComponent>(x => x.Absent);
    }

    [Fact]
    public void Try_relations_to_a_component_the_build_does_not_have_are_ignored()
    {
        var scan = Assert.Single(Plans.Targets(new OptionalRelationsBuild()));
        Assert.Empty(scan.DependsOn);
        Assert.Empty(scan.RunsBefore);
        Assert.Empty(scan.Triggers);
    }

    private sealed class PlainRelationsBuild : RecordingBuild
    {
        public Target Scan => _ => _.Before<IAbsentComponent>(x => x.Absent);
    }

    [Fact]
    public void A_plain_relation_to_a_component_the_build_does_not_have_is_a_definition_error()
    {
        var e = Assert.Throws<BuildDefinitionException>(() => Plans.Targets(new PlainRelationsBuild()));
        Assert.Contains("IAbsentComponent", e.Message);
        Assert.Contains("Scan", e.Message);
    }

    private sealed class DuplicateBuild : RecordingBuild, IRestoreComponent
    {
        // Not the component's target (no implementation of it), but a second target with the same name.
        public Target Restore => _ => _.Executes(() => Ran.Add("class Restore"));
    }

    [Fact]
    public void A_public_class_target_with_a_components_name_implements_it()
    {
        // A public member implicitly implements the interface member, so it is one target, not two.
        var restore = Assert.Single(Plans.Targets(new DuplicateBuild()));
        Assert.Equal(typeof(DuplicateBuild), restore.DeclaringType);
    }
}

public class ProducesTests
{
    private sealed class ProducingBuild(string pattern) : RecordingBuild
    {
        public Target Make => _ => _.Produces("artifacts/ok.json", pattern);
    }

    [Theory]
    [InlineData("artifacts/images.json")]
    [InlineData("artifacts/scan/**")]
    [InlineData("artifacts/sbom/*.cdx.json")]
    public void Paths_and_globs_under_artifacts_are_declared(string pattern) =>
        Assert.Equal(["artifacts/ok.json", pattern], Assert.Single(Plans.Targets(new ProducingBuild(pattern))).Produces);

    [Theory]
    [InlineData("out/images.json")]
    [InlineData("/tmp/artifacts/x")]
    [InlineData("artifacts/../secrets.txt")]
    [InlineData("artifacts/")]
    [InlineData("Artifacts/x")]
    public void Anything_outside_artifacts_is_a_definition_error_naming_the_target_and_the_pattern(string pattern)
    {
        var e = Assert.Throws<BuildDefinitionException>(() => Plans.Targets(new ProducingBuild(pattern)));
        Assert.Equal($"Target 'Make' produces '{pattern}', which is not under artifacts/: give paths and globs relative to the root, such as artifacts/images.json.", e.Message);
    }
}
