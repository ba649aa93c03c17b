namespace Slipway.Build.Workflows;

/// <summary>A job as the target graph gives it: its targets in run order, the jobs it needs and its declaration.</summary>
internal sealed record PlannedJob(string Id, IReadOnlyList<TargetInfo> Targets, IReadOnlyList<string> Needs, WorkflowJobAttribute? Declaration);

/// <summary>
/// Splits the targets a workflow runs into jobs. Targets declared in one [WorkflowJob] share it; an undeclared target
/// joins the job of the targets it depends on or is triggered by without consuming their products (state it can only
/// get by running beside them), when they share one. A job needs the jobs of everything its targets wait for;
/// with a gate (the workflow check), every other job waits for it. A setup target ([WorkflowSetup]) runs in each job
/// whose targets depend on it without crossing into another job, and nothing waits for it across jobs.
/// </summary>
internal static class JobPlanner
{
    public static IReadOnlyList<PlannedJob> Plan(
        IReadOnlyList<TargetInfo> order, Func<TargetInfo, WorkflowJobAttribute?> declarationOf, Func<TargetInfo, bool> isSetup, TargetInfo? gate)
    {
        var groups = new List<Group>();
        var groupOf = new Dictionary<TargetInfo, Group>();
        foreach (var target in order.Where(t => t == gate || !isSetup(t)))
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

        AddSetups(order, isSetup, groups, groupOf);
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

    /// <summary>Puts each setup target into the jobs that reach it through dependencies inside the job, in plan order.</summary>
    private static void AddSetups(IReadOnlyList<TargetInfo> order, Func<TargetInfo, bool> isSetup, List<Group> groups, Dictionary<TargetInfo, Group> groupOf)
    {
        var setups = order.Where(t => !groupOf.ContainsKey(t) && isSetup(t)).ToList();
        var placed = new HashSet<TargetInfo>();
        foreach (var group in groups.ToList())
        {
            var reached = new HashSet<TargetInfo>();
            var pending = new Stack<TargetInfo>(group.Targets);
            while (pending.TryPop(out var target))
            foreach (var dependency in target.DependsOn)
            {
                var inside = setups.Contains(dependency) || groupOf.GetValueOrDefault(dependency) == group;
                if (inside && reached.Add(dependency)) pending.Push(dependency);
            }

            var added = reached.Where(setups.Contains).ToList();
            group.Targets.AddRange(added);
            group.Targets.Sort((a, b) => IndexIn(order, a).CompareTo(IndexIn(order, b)));
            placed.UnionWith(added);
        }

        // A setup target no job depends on (invoked on its own) is a job of its own.
        foreach (var setup in setups.Where(s => !placed.Contains(s)))
        {
            var group = Add(groups, null);
            group.Targets.Add(setup);
            groupOf[setup] = group;
        }
    }

    private static int IndexIn(IReadOnlyList<TargetInfo> order, TargetInfo target)
    {
        for (var i = 0; i < order.Count; i++)
            if (order[i] == target) return i;
        return -1;
    }

    /// <summary>Targets this one runs after in the plan: dependencies, consumed producers, triggers, and Before/After.</summary>
    private static IEnumerable<TargetInfo> Predecessors(TargetInfo target, IReadOnlyList<TargetInfo> order) =>
        target.DependsOn.Concat(target.Consumes).Concat(order.Where(o => o.Triggers.Contains(target) || o.RunsBefore.Contains(target)));

    private static IEnumerable<TargetInfo> ImplicitPredecessors(TargetInfo target, IReadOnlyList<TargetInfo> order) =>
        target.DependsOn.Where(d => !target.Consumes.Contains(d)).Concat(order.Where(o => o.Triggers.Contains(target)));

    private static bool SameJob(WorkflowJobAttribute a, WorkflowJobAttribute b) =>
        a.Platforms == b.Platforms && a.PlatformParameter == b.PlatformParameter && a.SetupSteps.SequenceEqual(b.SetupSteps);

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
