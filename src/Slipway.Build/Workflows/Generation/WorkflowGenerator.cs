using System.Text.RegularExpressions;
using Slipway.Build.Planning;

namespace Slipway.Build.Workflows;

/// <summary>
/// Makes the workflow a [GitHubActions] attribute declares from the build's targets and parameters. Pure: the same
/// build gives the same workflow, which is what lets CheckWorkflows compare it with the committed file.
/// </summary>
public sealed class WorkflowGenerator
{
    private const string BuildScript = "./build.sh";
    private const string MatrixPlatform = "${{ matrix.platform }}";
    private const string MatrixSlug = "${{ matrix.slug }}";

    private readonly IReadOnlyList<TargetInfo> _targets;
    private readonly IReadOnlyList<ParameterDescriptor> _parameters;
    private readonly ActionPins _pins;
    private readonly TargetInfo? _gate;

    /// <param name="targets">The build's targets, as discovered.</param>
    /// <param name="parameters">The build's parameters.</param>
    /// <param name="pins">The action versions.</param>
    /// <param name="gate">A target that runs first, alone, and that every other job waits for (CheckWorkflows).</param>
    public WorkflowGenerator(IReadOnlyList<TargetInfo> targets, IReadOnlyList<ParameterDescriptor> parameters, ActionPins pins, TargetInfo? gate)
    {
        _targets = targets;
        _parameters = parameters;
        _pins = pins;
        _gate = gate;
    }

    public Workflow Generate(GitHubActionsAttribute declared)
    {
        var context = $"[GitHubActions(\"{declared.Name}\")]";
        if (declared.InvokedTargets.Length == 0) throw new BuildDefinitionException($"{context} has no InvokedTargets.");
        if (declared.RunsOn.Length == 0) throw new BuildDefinitionException($"{context} RunsOn: expected at least one runner label.");
        var order = Order(declared, context);
        var traits = order.ToDictionary(t => t, t => Applicable(TargetTraits.Of(t), declared, context));
        var planned = JobPlanner.Plan(order, t => traits[t].Job, t => traits[t].IsSetup, _gate);
        var legs = declared.Platforms.Select(p => PlatformRunners.Leg(declared.Name, p)).ToList();
        // A setup target runs in several jobs; products are handed over only from the job it shares with no one.
        var jobOf = planned.SelectMany(j => j.Targets.Select(t => (t, j))).GroupBy(x => x.t).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().j);

        var (shared, secrets) = Environment(declared, context);
        var jobs = planned.Select(job =>
        {
            var mode = legs.Count == 0 ? JobPlatforms.None : job.Declaration?.Platforms ?? JobPlatforms.None;
            var jobTraits = job.Targets.Select(t => traits[t]).ToList();
            var permissions = Permissions(jobTraits);
            var publishes = jobTraits.SelectMany(t => t.Permissions).Any(p => p.Access == "write");
            var steps = new List<Step>();
            steps.AddRange(SetupSteps(job.Declaration?.SetupSteps ?? []));
            steps.AddRange(Downloads(job, mode, jobOf, legs));
            steps.Add(RunStep(job, mode, legs, context));
            steps.AddRange(Uploads(job, mode, jobOf));
            steps.AddRange(jobTraits.Select(t => t.Sarif).OfType<UploadSarifAttribute>().Distinct().Select(s => SarifStep(s, mode)));
            return new Job(
                job.Id,
                job.Targets.Select(t => t.Name).ToList(),
                job.Needs,
                mode == JobPlatforms.Each ? ["${{ matrix.runner }}"] : declared.RunsOn,
                mode == JobPlatforms.Each ? legs : [],
                permissions.Count == 1 ? [] : permissions,
                publishes ? declared.Environment : null,
                declared.TimeoutMinutes,
                steps)
            {
                Secrets = secrets.Where(s => Reads(job, s.Parameter)).Select(s => s.Variable).ToList(),
            };
        }).ToList();

        foreach (var unused in secrets.Where(s => jobs.All(j => !j.Secrets.Contains(s.Variable))))
            throw new BuildDefinitionException($"{context} ImportSecrets: no job runs a target that reads '{unused.Parameter.Name}', so none would get {unused.Variable.Name}.");

        if (declared.Environment is not null && jobs.All(j => j.Environment is null))
            throw new BuildDefinitionException($"{context} Environment '{declared.Environment}': no job of this workflow publishes (declares a write [WorkflowPermission]), so none would use it.");

        return new Workflow(declared.Name, Triggers(declared, context), [new Permission("contents", "read")],
            declared.ConcurrencyGroup is { } group ? new Concurrency(group, declared.ConcurrencyCancelInProgress) : null,
            shared, jobs);
    }

    /// <summary>
    /// Least privilege for secrets: a component's parameter reaches only the jobs that run targets of that component (or of
    /// one extending it); a parameter of the build class, which any of its targets or overrides may read, reaches every job.
    /// </summary>
    private static bool Reads(PlannedJob job, ParameterDescriptor parameter) =>
        parameter.Member.DeclaringType is not { IsInterface: true } component || job.Targets.Any(t => component.IsAssignableFrom(t.DeclaringType));

    /// <summary>The targets the workflow runs, in the order a local run of the same targets would take.</summary>
    private IReadOnlyList<TargetInfo> Order(GitHubActionsAttribute declared, string context)
    {
        var invoked = (_gate is null ? declared.InvokedTargets : declared.InvokedTargets.Prepend(_gate.Name)).Distinct().ToList();
        try
        {
            var first = TargetNames.Find(_targets, invoked[0]);
            return ExecutionPlanner.Plan(_targets, first, new PlanRequest(invoked, false, [])).Steps.Select(s => s.Target).ToList();
        }
        catch (PlanningException e)
        {
            throw new BuildDefinitionException($"{context} InvokedTargets: {e.Message}");
        }
    }

    /// <summary>The target's traits with the permissions whose <see cref="WorkflowPermissionAttribute.When"/> this workflow does not meet left out.</summary>
    private TargetTraits Applicable(TargetTraits traits, GitHubActionsAttribute declared, string context) =>
        traits with
        {
            Permissions = traits.Permissions.Where(p =>
            {
                if (p.When is null) return true;
                var (name, expected) = Split(p.When, $"{context} [WorkflowPermission(\"{p.Scope}\", When = \"{p.When}\")]", "Parameter=VALUE");
                var key = Parameter(name, $"{context} [WorkflowPermission(\"{p.Scope}\", When = \"{p.When}\")]").Key;
                return declared.Parameters.Select(entry => Split(entry, $"{context} Parameters", "Parameter=VALUE"))
                    .Any(set => ParameterDescriptor.NormalizeKey(set.Name) == key && string.Equals(set.Value, expected, StringComparison.OrdinalIgnoreCase));
            }).ToList(),
        };

    private static List<Permission> Permissions(IReadOnlyList<TargetTraits> traits)
    {
        var declared = traits.SelectMany(t => t.Permissions.Select(p => new Permission(p.Scope, p.Access)))
            .Concat(traits.Any(t => t.Sarif is not null) ? [new Permission("security-events", "write")] : [])
            .Prepend(new Permission("contents", "read"));
        return declared.GroupBy(p => p.Scope)
            .Select(g => g.FirstOrDefault(p => p.Access == "write") ?? g.First())
            .OrderBy(p => p.Scope, StringComparer.Ordinal)
            .ToList();
    }

    private IEnumerable<Step> SetupSteps(IReadOnlyList<Type> declared)
    {
        yield return Action("Check out with full history (versions come from tags)", ActionPins.Checkout) with { With = [new("fetch-depth", 0)] };
        yield return Action("Set up .NET from global.json", ActionPins.SetupDotnet) with { With = [new("global-json-file", "global.json")] };
        yield return Action("Cache NuGet packages", ActionPins.Cache) with
        {
            With =
            [
                new("path", "~/.nuget/packages"),
                new("key", "nuget-${{ runner.os }}-${{ runner.arch }}-${{ hashFiles('global.json', '**/Directory.Packages.props', '**/*.csproj') }}"),
                new("restore-keys", "nuget-${{ runner.os }}-${{ runner.arch }}-"),
            ],
        };
        foreach (var type in declared)
        {
            if (!typeof(IWorkflowSetupStep).IsAssignableFrom(type) || type.GetConstructor(Type.EmptyTypes) is null)
                throw new BuildDefinitionException($"[WorkflowJob] SetupSteps names {type.Name}, which is not an {nameof(IWorkflowSetupStep)} with a constructor without parameters.");
            yield return ((IWorkflowSetupStep)Activator.CreateInstance(type)!).Create(_pins);
        }
    }

    private Step Action(string name, string action, string? condition = null) =>
        new(name, _pins.Uses(action), If: condition) { UsesVersion = _pins.Version(action) };

    private IEnumerable<Step> Downloads(PlannedJob job, JobPlatforms mode, IReadOnlyDictionary<TargetInfo, PlannedJob> jobOf, IReadOnlyList<MatrixLeg> legs)
    {
        var producers = job.Targets.SelectMany(t => t.Consumes).Where(p => jobOf.TryGetValue(p, out var other) && other != job && p.Produces.Count > 0).Distinct();
        foreach (var producer in producers)
        {
            var producerMode = legs.Count == 0 ? JobPlatforms.None : jobOf[producer].Declaration?.Platforms ?? JobPlatforms.None;
            if (producerMode != JobPlatforms.Each)
                yield return Download(producer, Artifacts.Name(producer, null), Artifacts.Root(producer));
            else if (mode == JobPlatforms.Each)
                yield return Download(producer, Artifacts.Name(producer, MatrixSlug), Artifacts.Root(producer));
            else
                foreach (var leg in legs)
                    yield return Download(producer, Artifacts.Name(producer, leg.Slug), Artifacts.PlatformRoot(producer, leg.Slug));
        }
    }

    private Step Download(TargetInfo producer, string name, string path) =>
        Action($"Download what {producer.Name} produced ({name})", ActionPins.DownloadArtifact) with { With = [new("name", name), new("path", path)] };

    private IEnumerable<Step> Uploads(PlannedJob job, JobPlatforms mode, IReadOnlyDictionary<TargetInfo, PlannedJob> jobOf)
    {
        foreach (var producer in job.Targets.Where(t => t.Produces.Count > 0))
        {
            var handedOff = jobOf.Keys.Any(c => c.Consumes.Contains(producer) && jobOf[c] != job);
            var name = Artifacts.Name(producer, mode == JobPlatforms.Each ? MatrixSlug : null);
            Artifacts.Root(producer); // products outside artifacts/ are a definition error, found here rather than by the upload
            yield return Action($"Upload what {producer.Name} produced", ActionPins.UploadArtifact, "${{ !cancelled() }}") with
            {
                With =
                [
                    new("name", name),
                    new("path", string.Join('\n', producer.Produces)),
                    // A product another job consumes must be there; the others are for reading after the run.
                    new("if-no-files-found", handedOff ? "error" : "warn"),
                ],
            };
        }
    }

    private Step SarifStep(UploadSarifAttribute sarif, JobPlatforms mode) =>
        Action("Upload SARIF to code scanning", ActionPins.UploadSarif, $"${{{{ !cancelled() && hashFiles('{sarif.Directory}/**/*.sarif') != '' }}}}") with
        {
            With = mode == JobPlatforms.Each ? [new("sarif_file", sarif.Directory), new("category", MatrixSlug)] : [new("sarif_file", sarif.Directory)],
        };

    /// <summary>
    /// <c>./build.sh</c> with the job's targets and <c>--skip</c>, so that targets of other jobs are not run again here;
    /// the platform parameter gets the job's platform or all of them.
    /// </summary>
    private Step RunStep(PlannedJob job, JobPlatforms mode, IReadOnlyList<MatrixLeg> legs, string context)
    {
        var words = new List<string> { BuildScript };
        words.AddRange(job.Targets.Select(t => t.Name));
        words.Add("--skip");
        if (mode != JobPlatforms.None)
        {
            var name = job.Declaration!.PlatformParameter
                       ?? throw new BuildDefinitionException($"{context} job '{job.Id}' runs {mode} platform(s) but its [WorkflowJob] names no PlatformParameter.");
            var parameter = Parameter(name, $"{context} job '{job.Id}' PlatformParameter");
            words.Add("--" + parameter.CliName);
            words.Add(mode == JobPlatforms.Each ? MatrixPlatform : string.Join(parameter.Separator ?? " ", legs.Select(l => l.Platform)));
        }

        return new Step(string.Join(", ", job.Targets.Select(t => t.Name)), Run: string.Join(' ', words));
    }

    private WorkflowTriggers Triggers(GitHubActionsAttribute declared, string context)
    {
        var push = declared.OnPushBranches.Length + declared.OnPushTags.Length + declared.OnPushIncludePaths.Length + declared.OnPushExcludePaths.Length > 0
            ? new PushTrigger(declared.OnPushBranches, declared.OnPushTags, declared.OnPushIncludePaths, declared.OnPushExcludePaths)
            : null;
        var pullRequest = declared.OnPullRequestBranches.Length + declared.OnPullRequestIncludePaths.Length + declared.OnPullRequestExcludePaths.Length > 0
            ? new PullRequestTrigger(declared.OnPullRequestBranches, declared.OnPullRequestIncludePaths, declared.OnPullRequestExcludePaths)
            : null;
        var dispatch = declared.OnWorkflowDispatch || declared.WorkflowDispatchInputs.Length > 0
            ? DispatchInputs(declared, context).Select(x => x.Input).ToList()
            : null;
        if (push is null && pullRequest is null && declared.OnCronSchedule is null && dispatch is null)
            throw new BuildDefinitionException($"{context} has no trigger: set OnPush…, OnPullRequest…, OnCronSchedule or OnWorkflowDispatch.");
        return new WorkflowTriggers(push, pullRequest, declared.OnCronSchedule, dispatch);
    }

    /// <summary>A bool parameter is a boolean input, an enum a choice of its names, anything else a string.</summary>
    private IEnumerable<(ParameterDescriptor Parameter, DispatchInput Input)> DispatchInputs(GitHubActionsAttribute declared, string context) =>
        declared.WorkflowDispatchInputs.Select(name =>
        {
            var parameter = Parameter(name, $"{context} WorkflowDispatchInputs");
            if (parameter.IsSecret)
                throw new BuildDefinitionException($"{context} WorkflowDispatchInputs: '{name}' is a [Secret]; pass it with ImportSecrets, not as an input anyone can read.");
            var type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
            var input = type == typeof(bool)
                ? new DispatchInput(parameter.CliName, parameter.Description, "boolean", [])
                : type.IsEnum
                    ? new DispatchInput(parameter.CliName, parameter.Description, "choice", Enum.GetNames(type))
                    : new DispatchInput(parameter.CliName, parameter.Description, "string", []);
            return (parameter, input);
        });

    /// <summary>
    /// The build reads parameters from the environment: set values as given, inputs as <c>${{ inputs.x }}</c> (empty, so
    /// unset, on other events) and secrets as <c>${{ secrets.X }}</c>; none is spliced into a run line, where it could inject commands.
    /// </summary>
    private (IReadOnlyList<EnvironmentVariable> Shared, IReadOnlyList<(EnvironmentVariable Variable, ParameterDescriptor Parameter)> Secrets) Environment(
        GitHubActionsAttribute declared, string context)
    {
        var set = declared.Parameters.Select(entry =>
        {
            var (name, value) = Split(entry, $"{context} Parameters", "Parameter=VALUE");
            var parameter = Parameter(name, $"{context} Parameters");
            if (parameter.IsSecret)
                throw new BuildDefinitionException($"{context} Parameters: '{name}' is a [Secret]; pass it with ImportSecrets, so that only the secret's name is written.");
            if (value is null)
                throw new BuildDefinitionException($"{context} Parameters: '{entry}' has no value; expected Parameter=VALUE.");
            return new EnvironmentVariable(EnvironmentName(parameter), value);
        });
        var inputs = DispatchInputs(declared, context).Select(x => new EnvironmentVariable(EnvironmentName(x.Parameter), $"${{{{ inputs.{x.Input.Id} }}}}"));
        var secrets = declared.ImportSecrets.Select(entry =>
        {
            var (name, secret) = Split(entry, $"{context} ImportSecrets", "Parameter or Parameter=SECRET_NAME");
            var parameter = Parameter(name, $"{context} ImportSecrets");
            if (!parameter.IsSecret)
                throw new BuildDefinitionException($"{context} ImportSecrets: '{name}' is not a [Secret] parameter; mark it [Secret] so that its value is masked.");
            var variable = EnvironmentName(parameter);
            secret ??= variable;
            if (!Regex.IsMatch(secret, "^[A-Za-z_][A-Za-z0-9_]*$"))
                throw new BuildDefinitionException($"{context} ImportSecrets: '{secret}' is not a secret name; expected letters, digits and '_'.");
            // The build matches environment names ignoring case and '_', so a secret named like the parameter (GITHUB_TOKEN
            // for GitHubToken) keeps its own spelling as the variable's name.
            if (ParameterDescriptor.NormalizeKey(secret) == parameter.Key) variable = secret;
            return (Variable: new EnvironmentVariable(variable, $"${{{{ secrets.{secret} }}}}"), Parameter: parameter);
        }).ToList();
        var shared = set.Concat(inputs).ToList();
        if (shared.Concat(secrets.Select(s => s.Variable)).GroupBy(e => e.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new BuildDefinitionException($"{context}: the parameter behind {twice.Key} is given more than once (Parameters, WorkflowDispatchInputs, ImportSecrets); give it one way.");
        return (shared, secrets);
    }

    private static (string Name, string? Value) Split(string entry, string where, string expected)
    {
        var equals = entry.IndexOf('=');
        var name = (equals < 0 ? entry : entry[..equals]).Trim();
        if (name.Length == 0) throw new BuildDefinitionException($"{where}: '{entry}' names no parameter; expected {expected}.");
        return (name, equals < 0 ? null : entry[(equals + 1)..].Trim());
    }

    private static string EnvironmentName(ParameterDescriptor parameter) => parameter.CliName.Replace('-', '_').ToUpperInvariant();

    private ParameterDescriptor Parameter(string name, string where) =>
        _parameters.FirstOrDefault(p => p.Key == ParameterDescriptor.NormalizeKey(name))
        ?? throw new BuildDefinitionException($"{where}: '{name}' is not a [Parameter] of this build. Parameters: {string.Join(", ", _parameters.Select(p => p.Name))}.");
}
