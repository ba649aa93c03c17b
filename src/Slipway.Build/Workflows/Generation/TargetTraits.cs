using System.Reflection;

namespace Slipway.Build.Workflows;

/// <summary>What a target declares about its place in a workflow, read from its property and its component.</summary>
internal sealed record TargetTraits(WorkflowJobAttribute? Job, bool IsSetup, IReadOnlyList<WorkflowPermissionAttribute> Permissions, UploadSarifAttribute? Sarif)
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public static TargetTraits Of(TargetInfo target)
    {
        var property = target.DeclaringType.GetProperty(target.Name, Members);
        var component = target.DeclaringType.IsInterface ? target.DeclaringType : null;
        var permissions = Attributes<WorkflowPermissionAttribute>(property).Concat(Attributes<WorkflowPermissionAttribute>(component)).ToList();
        var sarif = Attributes<UploadSarifAttribute>(property).Concat(Attributes<UploadSarifAttribute>(component)).FirstOrDefault();
        var setup = Attributes<WorkflowSetupAttribute>(property).Concat(Attributes<WorkflowSetupAttribute>(component)).Any();
        return new TargetTraits(Attributes<WorkflowJobAttribute>(property).FirstOrDefault() ?? InheritedJob(target, component), setup, permissions, sarif);
    }

    /// <summary>A component's job declaration, else the one of the components it extends; two different ones are ambiguous.</summary>
    private static WorkflowJobAttribute? InheritedJob(TargetInfo target, Type? component)
    {
        if (component is null) return null;
        if (component.GetCustomAttribute<WorkflowJobAttribute>() is { } own) return own;
        var inherited = component.GetInterfaces()
            .Select(i => (Interface: i, Job: i.GetCustomAttribute<WorkflowJobAttribute>()))
            .Where(x => x.Job is not null)
            .ToList();
        if (inherited.Select(x => x.Job!.Name).Distinct().Count() > 1)
            throw new BuildDefinitionException(
                $"Target '{target.Name}' of {component.Name} inherits different [WorkflowJob]s ({string.Join(", ", inherited.Select(x => $"{x.Interface.Name}: {x.Job!.Name}"))}); " +
                $"declare [WorkflowJob] on {component.Name} or on the target to choose.");
        return inherited.FirstOrDefault().Job;
    }

    private static IEnumerable<T> Attributes<T>(MemberInfo? member) where T : Attribute =>
        member?.GetCustomAttributes<T>() ?? [];
}
