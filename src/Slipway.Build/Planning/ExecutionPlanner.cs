namespace Slipway.Build.Planning;

/// <summary>
/// Orders the targets a request needs. Dependencies and triggers pull targets in; DependsOn, Triggers,
/// Before/After and Consumes order them; among targets free to run, the one declared first goes first.
/// </summary>
public static class ExecutionPlanner
{
    public static ExecutionPlan Plan(IReadOnlyList<TargetInfo> targets, TargetInfo defaultTarget, PlanRequest request)
    {
        CycleDetector.ThrowOnCycle(targets);

        var invoked = request.Targets.Count == 0
            ? [defaultTarget]
            : request.Targets.Select(name => TargetNames.Find(targets, name)).Distinct().ToList();
        var skipped = request.SkipTargets.Select(name => TargetNames.Find(targets, name)).ToHashSet();

        var included = Closure(invoked);
        var order = Order(included);

        var reasons = new Dictionary<TargetInfo, string>();
        foreach (var target in order)
        {
            if (skipped.Contains(target) || (request.SkipAllNotInvoked && !invoked.Contains(target)))
                reasons[target] = "--skip";
            else if (target.StaticConditions.FirstOrDefault(c => !c.Evaluate()) is { } condition)
                reasons[target] = condition.Text;
        }

        PropagateSkips(order, reasons);
        return new ExecutionPlan(invoked, order.Select(t => new PlannedTarget(t, invoked.Contains(t), reasons.GetValueOrDefault(t))).ToList());
    }

    private static HashSet<TargetInfo> Closure(IEnumerable<TargetInfo> invoked)
    {
        var included = new HashSet<TargetInfo>();
        var pending = new Stack<TargetInfo>(invoked);
        while (pending.TryPop(out var target))
        {
            if (!included.Add(target)) continue;
            foreach (var next in target.DependsOn.Concat(target.Triggers)) pending.Push(next);
        }

        return included;
    }

    private static List<TargetInfo> Order(HashSet<TargetInfo> included)
    {
        var predecessors = included.ToDictionary(t => t, _ => new HashSet<TargetInfo>());
        foreach (var target in included)
        {
            foreach (var dependency in target.DependsOn.Concat(target.Consumes).Where(included.Contains))
                predecessors[target].Add(dependency);
            foreach (var later in target.Triggers.Concat(target.RunsBefore).Where(included.Contains))
                predecessors[later].Add(target);
        }

        var order = new List<TargetInfo>();
        var ready = new SortedSet<TargetInfo>(Comparer<TargetInfo>.Create((a, b) => a.Index.CompareTo(b.Index)));
        ready.UnionWith(included.Where(t => predecessors[t].Count == 0));
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            order.Add(next);
            foreach (var (target, before) in predecessors)
                if (before.Remove(next) && before.Count == 0 && !order.Contains(target))
                    ready.Add(target);
        }

        return order;
    }

    /// <summary>A skipped target with WhenSkipped(Skip) also skips dependencies no running target needs.</summary>
    private static void PropagateSkips(List<TargetInfo> order, Dictionary<TargetInfo, string> reasons)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var target in order.Where(t => reasons.ContainsKey(t) && t.WhenSkipped == DependencyBehavior.Skip))
            foreach (var dependency in target.DependsOn.Where(d => !reasons.ContainsKey(d)))
            {
                var neededByRunning = order.Any(other => !reasons.ContainsKey(other) && other.DependsOn.Contains(dependency));
                if (neededByRunning) continue;
                reasons[dependency] = $"dependency of skipped {target.Name}";
                changed = true;
            }
        } while (changed);
    }
}
