using System.Reflection;
using Slipway.Build.Workflows;

namespace Slipway.Build.Tests.Workflows;

/// <summary>Generates a test build's workflows the way a run does, without running it.</summary>
internal static class Generate
{
    public static Workflow Workflow(SlipwayBuild build, string name)
    {
        var targets = TargetDiscovery.Discover(build);
        var gate = targets.FirstOrDefault(t => t.DeclaringType == typeof(ICheckWorkflows));
        var declared = build.GetType().GetCustomAttributes<GitHubActionsAttribute>().Single(a => a.Name == name);
        return new WorkflowGenerator(targets, ParameterDescriptor.Discover(build.GetType()), ActionPins.Default, gate).Generate(declared);
    }

    public static IReadOnlyList<(string Path, string Content)> Files(SlipwayBuild build) =>
        BuildWorkflows.Generate(build, TargetDiscovery.Discover(build));
}
