namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>The expression contexts GitHub would give, from the rehearsal's local facts.</summary>
public static class RehearsalContexts
{
    /// <summary>What a job's <c>env</c> and the workflow's can read: github, inputs, vars, secrets, matrix and strategy.</summary>
    public static ExpressionScope ForJob(WorkflowDefinition workflow, RehearsalContext context, JobDefinition job, IReadOnlyDictionary<string, string> matrix) =>
        new(new Dictionary<string, object?>
        {
            ["github"] = Github(context, workflow, job.Id, null),
            ["inputs"] = Inputs(workflow, context),
            ["vars"] = ExpressionValue.Strings(context.Variables),
            ["secrets"] = ExpressionValue.Strings(context.Secrets),
            ["matrix"] = ExpressionValue.Strings(matrix),
            ["strategy"] = ExpressionValue.Object([KeyValuePair.Create("fail-fast", (object?)true)]),
            ["needs"] = ExpressionValue.Object([]),
        });

    /// <summary>What a step can read besides: env, runner, job and steps, and the workspace in <c>github.workspace</c>.</summary>
    public static ExpressionScope ForStep(ExpressionScope job, WorkflowDefinition workflow, RehearsalContext context, string jobId, IReadOnlyDictionary<string, string> env, string workspace, string runnerTemp) =>
        job.With("github", Github(context, workflow, jobId, workspace))
            .With("env", ExpressionValue.Strings(env))
            .With("runner", ExpressionValue.Strings(Runner(context, runnerTemp)))
            .With("job", ExpressionValue.Object([KeyValuePair.Create("status", (object?)"success")]))
            .With("steps", ExpressionValue.Object([]));

    public static IReadOnlyDictionary<string, string> Runner(RehearsalContext context, string temp) => new Dictionary<string, string>
    {
        ["os"] = "Linux",
        ["arch"] = context.RunnerArch,
        ["name"] = "slipway-rehearsal",
        ["environment"] = "self-hosted",
        ["temp"] = temp,
        ["tool_cache"] = Path.Combine(temp, "tool-cache"),
    };

    private static IReadOnlyDictionary<string, object?> Inputs(WorkflowDefinition workflow, RehearsalContext context)
    {
        var inputs = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        // A manual run gets each declared input's default unless it is given; other events have no inputs.
        if (context.EventName == "workflow_dispatch")
            foreach (var (name, value) in workflow.On.DispatchInputs ?? new Dictionary<string, string?>())
                if (value is not null) inputs[name] = value;
        foreach (var (name, value) in context.Inputs) inputs[name] = value;
        return inputs;
    }

    private static IReadOnlyDictionary<string, object?> Github(RehearsalContext context, WorkflowDefinition workflow, string jobId, string? workspace) =>
        ExpressionValue.Object(new Dictionary<string, object?>
        {
            ["event_name"] = context.EventName,
            ["ref"] = context.Ref,
            ["ref_name"] = context.RefName,
            ["ref_type"] = context.RefType,
            ["sha"] = context.Sha,
            ["repository"] = context.Repository,
            ["repository_owner"] = context.Owner,
            ["actor"] = context.Actor,
            ["triggering_actor"] = context.Actor,
            ["workflow"] = workflow.Name,
            ["job"] = jobId,
            ["run_id"] = context.RunId,
            ["run_number"] = "1",
            ["run_attempt"] = "1",
            ["server_url"] = context.ServerUrl,
            ["api_url"] = "https://api.github.com",
            ["workspace"] = workspace,
            ["token"] = context.Secrets.GetValueOrDefault("GITHUB_TOKEN") ?? "",
            ["event"] = ExpressionValue.Object([KeyValuePair.Create("repository", (object?)ExpressionValue.Object([KeyValuePair.Create("default_branch", (object?)context.DefaultBranch)]))]),
        });
}
