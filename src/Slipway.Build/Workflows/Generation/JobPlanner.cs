namespace Slipway.Build.Workflows;

/// <summary>A job as the target graph gives it: its targets in run order, the jobs it needs and its declaration.</summary>
internal sealed record PlannedJob(string Id, IReadOnlyList<TargetInfo> Targets, IReadOnlyList<string> Needs, WorkflowJobAttribute? Declaration);

/// <summary>
/// Splits the targets a workflow runs into jobs. Targets declared in one [WorkflowJob] share it; an undeclared target
/// joins the job of the targets it depends on or is triggered by without consuming their products (state it can only
/// get by running beside them), when they share one. A job needs the jobs of everything its targets wait for;
/// with a gate (the workflow check), every other job waits for it.
/// </summary>
internal static class JobPlanner
{
    public static IReadOnlyList<PlannedJob> Plan(IReadOnlyList<TargetInfo> order, Func<TargetInfo, WorkflowJobAttribute?> declarationOf, TargetInfo? gate)
    {
        var groups = new List<Group>();
        var groupOf = new Dictionary<TargetInfo, Group>();
        foreach (var target in order)
        {
            var declaration = target == gate ? null : declarationOf(target);
            Group group;
            if (declaration is not null)
            {
                group = groups.FirstOrDefault(g => g.Declaration?.Name == declaration.Name) ?? Add(groups, declaration);
                if (!SameJob(group.Declaration!, declaration))
                    throw new BuildDefinitionException(
                        $"Targets '{group.Targets[0].Name}' and '{target.Name}' declare [WorkflowJob(\"{declaration.Name}\")] with different settings; declare the job one way.");
            }
            else
            {
                var joined = target == gate
                    ? []
                    : ImplicitPredecessors(target, order).Where(groupOf.ContainsKey).Select(p => groupOf[p]).Distinct().ToList();
                group = joined.Count == 1 ? joined[0] : Add(groups, null);
            }

            group.Targets.Add(target);
            groupOf[target] = group;
        }

        var ids = groups.ToDictionary(g => g, g => g.Declaration?.Name ?? ParameterDescriptor.ToKebabCase(g.Targets[^1].Name));
        if (ids.Values.GroupBy(id => id).FirstOrDefault(x => x.Count() > 1) is { } clash)
            throw new BuildDefinitionException($"Two workflow jobs would be named '{clash.Key}': {string.Join(" and ", groups.Where(g => ids[g] == clash.Key).Select(g => string.Join(", ", g.Targets)))}; declare [WorkflowJob] names that differ.");

        var gateGroup = gate is null ? null : groupOf.GetValueOrDefault(gate);
        var jobs = groups
            .OrderBy(g => g == gateGroup ? 0 : 1)
            .Select(g =>
            {
                var needs = g.Targets.SelectMany(t => Predecessors(t, order)).Where(groupOf.ContainsKey).Select(p => groupOf[p]).Where(p => p != g).Distinct().ToList();
                if (gateGroup is not null && g != gateGroup && needs.Count == 0) needs.Add(gateGroup);
                return new PlannedJob(ids[g], g.Targets, needs.OrderBy(groups.IndexOf).Select(n => ids[n]).ToList(), g.Declaration);
            })
            .ToList();
        ThrowOnCycle(jobs);
        return jobs;
    }

    /// <summary>Targets this one runs after in the plan: dependencies, consumed producers, triggers, and Before/After.</summary>
    private static IEnumerable<TargetInfo> Predecessors(TargetInfo target, IReadOnlyList<TargetInfo> order) =>
        target.DependsOn.Concat(target.Consumes).Concat(order.Where(o => o.Triggers.Contains(target) || o.RunsBefore.Contains(target)));

    private static IEnumerable<TargetInfo> ImplicitPredecessors(TargetInfo target, IReadOnlyList<TargetInfo> order) =>
        target.DependsOn.Where(d => !target.Consumes.Contains(d)).Concat(order.Where(o => o.Triggers.Contains(target)));

    private static bool SameJob(WorkflowJobAttribute a, WorkflowJobAttribute b) =>
        a.Platforms == b.Platforms && a.PlatformParameter == b.PlatformParameter && a.UsesDocker == b.UsesDocker;

    private static Group Add(List<Group> groups, WorkflowJobAttribute? declaration)
    {
        var group = new Group(declaration);
        groups.Add(group);
        return group;
    }

    private static void ThrowOnCycle(IReadOnlyList<PlannedJob> jobs)
    {
        var byId = jobs.ToDictionary(j => j.Id);
        var done = new HashSet<string>();
        var path = new List<string>();

        void Visit(string id)
        {
            if (done.Contains(id)) return;
            if (path.Contains(id))
            {
                var cycle = path.Skip(path.IndexOf(id)).Append(id).ToList();
                throw new BuildDefinitionException(
                    $"The workflow's jobs wait for each other in a cycle: {string.Join(" → ", cycle.AsEnumerable().Reverse())}. " +
                    $"A target of one job depends on a target of the other both ways; move them into one [WorkflowJob] or hand off products with Consumes.");
            }

            path.Add(id);
            foreach (var need in byId[id].Needs) Visit(need);
            path.RemoveAt(path.Count - 1);
            done.Add(id);
        }

        foreach (var job in jobs) Visit(job.Id);
    }

    private sealed class Group(WorkflowJobAttribute? declaration)
    {
        public WorkflowJobAttribute? Declaration { get; } = declaration;
        public List<TargetInfo> Targets { get; } = [];
    }
}
