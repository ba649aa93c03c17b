using Slipway.Containers.Stacks;

namespace Slipway.Containers.Compose;

/// <summary>
/// Which services can start while other images still build: those whose image is ready (built and loaded, or built by
/// nothing and pulled by compose) and whose dependencies can all start too. Pure.
/// </summary>
public static class HeadStartPlan
{
    /// <param name="loaded">The built services whose images are loaded.</param>
    /// <returns>The services, in the stack's order.</returns>
    public static IReadOnlyList<string> Startable(StackDefinition stack, IReadOnlySet<string> loaded)
    {
        var services = stack.Services.ToDictionary(s => s.Name);
        var known = new Dictionary<string, bool>();

        bool CanStart(string name)
        {
            if (known.TryGetValue(name, out var can)) return can;
            known[name] = false;   // compose refuses cycles; this only keeps a malformed model from looping
            var service = services.GetValueOrDefault(name);
            return known[name] = service is not null
                                 && (service.Build is null || loaded.Contains(name))
                                 && service.DependsOn.Keys.All(CanStart);
        }

        return stack.Services.Where(s => CanStart(s.Name)).Select(s => s.Name).ToList();
    }
}
