using System.Reflection;

namespace Slipway.Build;

/// <summary>
/// Finds the targets of a build object: its class's <see cref="Target"/> properties and those of every
/// component interface it implements (default members, or the class's explicit overrides), and resolves
/// the references between them.
/// </summary>
internal static class TargetDiscovery
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<TargetInfo> Discover(ISlipwayBuild build)
    {
        var targets = new List<TargetInfo>();
        var byMethod = new Dictionary<MethodInfo, TargetInfo>();
        foreach (var (property, owner) in TargetProperties(build.GetType()))
        {
            var target = (Target)property.GetValue(build)!;
            // A public class member that implicitly implements a component's target is the same target.
            if (byMethod.ContainsKey(target.Method)) continue;
            var definition = new TargetDefinition();
            target(definition);
            if (definition.ProducedPatterns.FirstOrDefault(p => !IsUnderArtifacts(p)) is { } outside)
                throw new BuildDefinitionException(
                    $"Target '{property.Name}' produces '{outside}', which is not under artifacts/: give paths and globs relative to the root, such as artifacts/images.json.");
            if (targets.Any(t => t.Name == property.Name))
                throw new BuildDefinitionException($"Two targets are named '{property.Name}' ({owner.Name} and {targets.First(t => t.Name == property.Name).DeclaringType.Name}); rename one.");
            var info = new TargetInfo(property.Name, targets.Count, owner, definition, target.Method);
            targets.Add(info);
            byMethod[target.Method] = info;
        }

        var resolver = new Resolver(build, targets, byMethod);
        foreach (var target in targets)
        {
            var d = target.Definition;
            target.DependsOn.AddRange(resolver.Resolve(target, d.DependsOnRefs));
            target.Triggers.AddRange(resolver.Resolve(target, d.TriggersRefs));
            target.Consumes.AddRange(resolver.Resolve(target, d.ConsumesRefs));
            foreach (var dependent in resolver.Resolve(target, d.DependentForRefs)) dependent.DependsOn.Add(target);
            foreach (var trigger in resolver.Resolve(target, d.TriggeredByRefs)) trigger.Triggers.Add(target);
            target.RunsBefore.AddRange(resolver.Resolve(target, d.BeforeRefs));
            foreach (var earlier in resolver.Resolve(target, d.AfterRefs)) earlier.RunsBefore.Add(target);
        }

        foreach (var target in targets)
        {
            Deduplicate(target.DependsOn);
            Deduplicate(target.Triggers);
            Deduplicate(target.RunsBefore);
            Deduplicate(target.Consumes);
        }

        return targets;
    }

    /// <summary>The class hierarchy's own target properties first (base class first), then each component's.</summary>
    private static IEnumerable<(PropertyInfo Property, Type Owner)> TargetProperties(Type buildType)
    {
        var classes = new Stack<Type>();
        for (var t = buildType; t is not null && t != typeof(object); t = t.BaseType) classes.Push(t);
        foreach (var type in classes)
        foreach (var property in Declared(type).Where(p => !p.Name.Contains('.')))
            yield return (property, type);

        foreach (var component in Components.Of(buildType))
        foreach (var property in Declared(component))
            yield return (property, component);
    }

    private static IEnumerable<PropertyInfo> Declared(Type type) =>
        type.GetProperties(Members)
            .Where(p => p.PropertyType == typeof(Target) && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken);

    /// <summary>What a target produces is uploaded and handed to later jobs from artifacts/, so that is where it must be.</summary>
    private static bool IsUnderArtifacts(string pattern) =>
        pattern.StartsWith("artifacts/", StringComparison.Ordinal) && pattern.Length > "artifacts/".Length && !pattern.Split('/').Contains("..");

    private static void Deduplicate(List<TargetInfo> list)
    {
        var distinct = list.Distinct().ToList();
        list.Clear();
        list.AddRange(distinct);
    }

    private sealed class Resolver(ISlipwayBuild build, List<TargetInfo> targets, Dictionary<MethodInfo, TargetInfo> byMethod)
    {
        /// <summary>The targets referred to; a <c>Try…</c> reference to a component the build lacks refers to none.</summary>
        public IEnumerable<TargetInfo> Resolve(TargetInfo from, IEnumerable<TargetReference> references) =>
            references.Where(reference => !reference.IsOptional || reference switch
            {
                TargetReference.Member member => member.Owner.IsInstanceOfType(build),
                TargetReference.Component component => component.Type.IsInstanceOfType(build),
                _ => true,
            }).SelectMany(reference => reference switch
            {
                TargetReference.Direct direct => [Lookup(from, direct.Target)],
                TargetReference.Member member => [Lookup(from, member.Select(Cast(from, member.Owner)))],
                TargetReference.Component component => OfComponent(from, component.Type),
                _ => throw new InvalidOperationException(reference.ToString()),
            });

        private object Cast(TargetInfo from, Type component) =>
            component.IsInstanceOfType(build)
                ? build
                : throw new BuildDefinitionException($"Target '{from.Name}' refers to {component.Name}, which {build.GetType().Name} does not implement.");

        private TargetInfo Lookup(TargetInfo from, Target target) =>
            byMethod.TryGetValue(target.Method, out var info)
                ? info
                : throw new BuildDefinitionException($"Target '{from.Name}' refers to a target that is not a property of the build.");

        private IEnumerable<TargetInfo> OfComponent(TargetInfo from, Type component)
        {
            Cast(from, component);
            var found = targets.Where(t => t.DeclaringType == component).ToList();
            return found.Count > 0
                ? found
                : throw new BuildDefinitionException($"Target '{from.Name}' refers to the targets of {component.Name}, which declares none.");
        }
    }
}
