namespace Slipway.Build.Planning;

/// <summary>Finds a cycle among all ordering relations and names its targets.</summary>
internal static class CycleDetector
{
    public static void ThrowOnCycle(IReadOnlyList<TargetInfo> targets)
    {
        // Edges point from a target to those that must run before it.
        var before = targets.ToDictionary(t => t, t => new List<TargetInfo>(t.DependsOn.Concat(t.Consumes)));
        foreach (var target in targets)
        foreach (var later in target.Triggers.Concat(target.RunsBefore))
            before[later].Add(target);

        var state = new Dictionary<TargetInfo, bool>(); // false: on the current path, true: done
        var path = new List<TargetInfo>();
        foreach (var start in targets) Visit(start);
        return;

        void Visit(TargetInfo target)
        {
            if (state.TryGetValue(target, out var done))
            {
                if (done) return;
                var cycle = path.Skip(path.IndexOf(target)).Append(target).Reverse().Select(t => t.Name);
                throw new PlanningException($"The targets form a cycle: {string.Join(" -> ", cycle)}.");
            }

            state[target] = false;
            path.Add(target);
            foreach (var earlier in before[target].OrderBy(t => t.Index)) Visit(earlier);
            path.RemoveAt(path.Count - 1);
            state[target] = true;
        }
    }
}
