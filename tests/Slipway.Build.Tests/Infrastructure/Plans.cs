using Slipway.Build.Planning;

namespace Slipway.Build.Tests.Infrastructure;

/// <summary>Discovers a build's targets and plans a request without running anything.</summary>
public static class Plans
{
    public static IReadOnlyList<TargetInfo> Targets(ISlipwayBuild build) => TargetDiscovery.Discover(build);

    public static ExecutionPlan Plan<T>(T build, Func<T, Target> defaultTarget, PlanRequest? request = null) where T : ISlipwayBuild
    {
        var targets = TargetDiscovery.Discover(build);
        var method = defaultTarget(build).Method;
        return ExecutionPlanner.Plan(targets, targets.Single(t => t.Method == method), request ?? PlanRequest.Default);
    }

    public static ExecutionPlan Plan<T>(T build, Func<T, Target> defaultTarget, params string[] invoked) where T : ISlipwayBuild =>
        Plan(build, defaultTarget, new PlanRequest(invoked, false, []));

    public static string[] Order(this ExecutionPlan plan) => plan.Steps.Select(s => s.Target.Name).ToArray();

    public static string? SkipReason(this ExecutionPlan plan, string target) => plan.Steps.Single(s => s.Target.Name == target).SkipReason;
}
