namespace Slipway.Build;

/// <summary>The component interfaces of a build, each after the components it extends, so declaration order reads like the chain.</summary>
internal static class Components
{
    public static IReadOnlyList<Type> Of(Type buildType)
    {
        var pending = buildType.GetInterfaces().Where(i => typeof(ISlipwayBuild).IsAssignableFrom(i) && i != typeof(ISlipwayBuild)).ToList();
        var ordered = new List<Type>();
        while (pending.Count > 0)
        {
            var next = pending.First(c => c.GetInterfaces().All(b => ordered.Contains(b) || !pending.Contains(b)));
            pending.Remove(next);
            ordered.Add(next);
        }

        return ordered;
    }
}
