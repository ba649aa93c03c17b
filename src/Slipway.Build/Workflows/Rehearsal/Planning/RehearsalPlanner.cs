namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>
/// Plans a rehearsal without running anything: jobs in <c>needs</c> order (file order among equals), one run per matrix
/// leg, which legs this machine runs, each run's resolved environment, and what each step is.
/// </summary>
public static class RehearsalPlanner
{
    private const string Checkout = "actions/checkout";
    private const string UploadArtifact = "actions/upload-artifact";
    private const string DownloadArtifact = "actions/download-artifact";

    /// <summary>Actions that only mean something on GitHub's runners or services, and why each is skipped here.</summary>
    private static readonly IReadOnlyDictionary<string, string> GitHubOnly = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["actions/setup-dotnet"] = "installs .NET on GitHub's runner; here the machine's SDK serves (build.sh checks it against global.json)",
        ["actions/cache"] = "GitHub's cache service; here the machine's own caches stay from job to job",
        ["actions/github-script"] = "runs JavaScript against GitHub's API and runtime",
    };

    public static RehearsalPlan Plan(WorkflowDefinition workflow, RehearsalContext context)
    {
        var legPlatforms = workflow.Jobs.SelectMany(j => j.Matrix).Select(Platform).OfType<string>().ToHashSet();
        foreach (var platform in context.EmulatedPlatforms.Where(p => !legPlatforms.Contains(p)))
            throw new ParameterException(
                $"Parameter 'RehearsePlatform': no matrix leg of {workflow.File} runs {platform}; its legs run {(legPlatforms.Count == 0 ? "no platform of their own" : string.Join(", ", legPlatforms.Order()))}.");

        var runs = new List<JobRun>();
        foreach (var job in InNeedsOrder(workflow))
        {
            IReadOnlyList<IReadOnlyDictionary<string, string>> legs = job.IsMatrix ? job.Matrix : [new Dictionary<string, string>()];
            foreach (var matrix in legs)
            {
                var scope = RehearsalContexts.ForJob(workflow, context, job, matrix);
                var env = new Dictionary<string, string>();
                foreach (var (name, value) in workflow.Env.Concat(job.Env)) env[name] = Templates.Resolve(value, scope);
                var platform = Platform(matrix);
                var notRehearsed = platform is null || platform == context.NativePlatform || context.EmulatedPlatforms.Contains(platform)
                    ? null
                    : $"{platform} is not this machine's platform ({context.NativePlatform}); --rehearse-platform {platform} rehearses it under QEMU";
                var title = job.IsMatrix ? $"{job.Id} ({string.Join(", ", matrix.Values)})" : job.Id;
                runs.Add(new JobRun(job, matrix, title, platform, notRehearsed, env.ToList(), job.Steps.Select(Classify).ToList(), Uploads(job, scope)));
            }
        }

        return new RehearsalPlan(workflow, context, runs);
    }

    /// <summary>A leg's platform, by the generator's convention: its <c>platform</c> value.</summary>
    private static string? Platform(IReadOnlyDictionary<string, string> matrix) => matrix.GetValueOrDefault("platform");

    public static PlannedStep Classify(StepDefinition step) => step.Action switch
    {
        null => new PlannedStep(step, StepKind.Run),
        Checkout => new PlannedStep(step, StepKind.Checkout),
        UploadArtifact => new PlannedStep(step, StepKind.Upload),
        DownloadArtifact => new PlannedStep(step, StepKind.Download),
        var action when GitHubOnly.TryGetValue(action, out var why) => new PlannedStep(step, StepKind.GitHubOnly, why),
        var action when action.StartsWith("github/codeql-action/", StringComparison.OrdinalIgnoreCase) => new PlannedStep(step, StepKind.GitHubOnly, "uploads to GitHub's code scanning"),
        var action when action.StartsWith("actions/setup-", StringComparison.OrdinalIgnoreCase) => new PlannedStep(step, StepKind.GitHubOnly, "installs a tool on GitHub's runner; here the machine's own serves"),
        var action => new PlannedStep(step, StepKind.Unknown, $"{action} is an action the rehearsal does not run"),
    };

    /// <summary>The names the job's upload steps give their artifacts, where they can be known before it runs.</summary>
    private static IReadOnlyList<string> Uploads(JobDefinition job, ExpressionScope scope)
    {
        var names = new List<string>();
        foreach (var step in job.Steps.Where(s => s.Action == UploadArtifact))
        {
            try
            {
                names.Add(Templates.Resolve(step.With.GetValueOrDefault("name") ?? "artifact", scope));
            }
            catch (ExpressionException)
            {
                // A name made of what only the running step knows (env, steps) is found when the step runs.
            }
        }

        return names;
    }

    /// <summary>Jobs whose needs all came before, the first in the file first; a cycle is an error naming its jobs.</summary>
    private static IReadOnlyList<JobDefinition> InNeedsOrder(WorkflowDefinition workflow)
    {
        var ordered = new List<JobDefinition>();
        var pending = workflow.Jobs.ToList();
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(j => j.Needs.All(n => ordered.Any(o => o.Id == n)))
                       ?? throw new WorkflowFileException($"{workflow.File}: jobs {string.Join(", ", pending.Select(j => j.Id))} need each other in a cycle.");
            ordered.Add(next);
            pending.Remove(next);
        }

        return ordered;
    }
}
