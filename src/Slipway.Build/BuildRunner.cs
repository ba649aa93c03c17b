using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using Serilog;
using Slipway.Build.Cli;
using Slipway.Build.Execution;
using Slipway.Build.Hosts;
using Slipway.Build.Logging;
using Slipway.Build.Output;
using Slipway.Build.Planning;
using Slipway.Build.Workflows;

namespace Slipway.Build;

/// <summary>
/// One run of a build: reads the command line, parameters and environment, plans, executes and summarizes.
/// Everything it touches comes in through the constructor, so tests run builds in-process.
/// </summary>
public sealed class BuildRunner(AbsolutePath rootDirectory, IReadOnlyDictionary<string, string> environment, TextWriter output, bool colours = false)
{
    public const int ExitInterrupted = 130;
    public const int ExitTerminated = 143;

    private readonly CancellationTokenSource _abort = new();
    private readonly CancellationTokenSource _abortAssured = new();
    private int? _abortExitCode;

    /// <summary>The results of the last run's targets, for callers that inspect more than the exit code.</summary>
    public IReadOnlyList<TargetResult> Results { get; private set; } = [];

    public AbsolutePath RootDirectory => rootDirectory;

    /// <summary>
    /// A runner for this process. The root is the nearest folder with .nuke/ above the build's own binary, which the
    /// bootstrap builds inside the repository, so that <c>/path/to/repo/build.sh</c> works from any directory.
    /// </summary>
    public static BuildRunner ForCurrentProcess()
    {
        var environment = System.Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        var colours = !Console.IsOutputRedirected && environment.GetValueOrDefault("TERM") is not (null or "dumb") && !environment.ContainsKey("NO_COLOR");
        return new BuildRunner(FindRoot(AppContext.BaseDirectory), environment, Console.Out, colours);
    }

    public static AbsolutePath FindRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
                return AbsolutePath.Create(directory.FullName);
        throw new InvalidOperationException($"No .nuke folder in {start} or above it: the build must be compiled inside its repository (build.sh does that).");
    }

    /// <summary>
    /// Aborts the run as a signal would: the running target is aborted, assured targets still run, the exit code is
    /// <paramref name="exitCode"/>. A second call aborts the assured targets too.
    /// </summary>
    public void Abort(int exitCode)
    {
        if (_abortExitCode is null)
        {
            _abortExitCode = exitCode;
            _abort.Cancel();
        }
        else
            _abortAssured.Cancel();
    }

    public int Run<T>(Func<T, Target> defaultTarget, string[] args) where T : SlipwayBuild, new()
    {
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        return RunAsync(defaultTarget, args).GetAwaiter().GetResult();
    }

    private void OnSignal(PosixSignalContext signal)
    {
        signal.Cancel = true; // keep the process alive until assured targets have run
        Abort(signal.Signal == PosixSignal.SIGINT ? ExitInterrupted : ExitTerminated);
    }

    public Task<int> RunAsync<T>(Func<T, Target> defaultTarget, string[] args) where T : SlipwayBuild, new() =>
        RunAsync(new T(), defaultTarget, args);

    /// <summary>Runs a build object the caller made, so that the caller (a test) can read the build's state afterwards.</summary>
    public async Task<int> RunAsync<T>(T build, Func<T, Target> defaultTarget, string[] args) where T : SlipwayBuild
    {
        var stopwatch = Stopwatch.StartNew();
        var masker = new SecretMasker();
        CommandLine cli;
        ParameterSources sources;
        ParameterSet parameters;
        var descriptors = ParameterDescriptor.Discover(build.GetType());
        try
        {
            cli = CommandLine.Parse(args);
            sources = Sources(cli, descriptors);
            parameters = ParameterSet.Resolve(descriptors, sources.InPrecedence, rootDirectory);
        }
        catch (Exception e) when (e is CommandLineException or ParameterException)
        {
            await output.WriteLineAsync($"error: {e.Message}");
            return 1;
        }

        foreach (var secret in parameters.All.Where(p => p.Descriptor.IsSecret)) AddSecret(masker, secret.Value);

        var host = BuildHosts.Detect(environment);
        using var logger = BuildLogging.Create(output, colours, cli.Verbosity, masker, host, rootDirectory / ".nuke" / "temp" / "logs");
        var context = new BuildContext(rootDirectory, logger, masker, host, parameters, environment);
        build.Initialize(context);
        Inject(build, parameters);
        var views = Views(build, parameters);
        foreach (var view in views.Where(v => v.Descriptor.IsSecret)) AddSecret(masker, view.Value);

        try
        {
            var targets = context.Targets = TargetDiscovery.Discover(build);
            var defaultMethod = defaultTarget(build).Method;
            var defaultInfo = targets.FirstOrDefault(t => t.Method == defaultMethod)
                              ?? throw new BuildDefinitionException("The default target is not a target property of the build.");
            KeepGeneratedFilesCurrent(build, targets, descriptors, host, logger);

            if (cli.Help)
            {
                await output.WriteAsync(masker.Apply(HelpWriter.Write(targets, defaultInfo, views)));
                return 0;
            }

            var plan = ExecutionPlanner.Plan(targets, defaultInfo, PlanRequestFrom(cli, sources.Files));
            if (cli.Plan)
            {
                await WritePlan(cli.PlanFormat, plan, logger);
                return 0;
            }

            context.Scheduled = plan.Steps.Where(s => !s.IsSkipped).Select(s => s.Target.Name).ToHashSet();
            if (!await InputsHoldAsync(plan, views, parameters, logger)) return 1;
            logger.Information("Slipway on {Host}: {Plan}", host.Name, string.Join(" → ", plan.Steps.Where(s => !s.IsSkipped).Select(s => s.Target.Name)));
            Results = await new BuildExecutor(context, output).RunAsync(plan, _abort.Token, _abortAssured.Token);
            return Summarize(logger, masker, host, stopwatch.Elapsed);
        }
        catch (Exception e) when (e is PlanningException or BuildDefinitionException or ParameterException)
        {
            logger.Error("{Message}", e.Message);
            return 1;
        }
        catch (OperationCanceledException) when (_abortExitCode is { } exitCode)
        {
            logger.Warning("Stopped while checking the inputs: no target ran");
            return exitCode;
        }
    }

    /// <summary>Where parameter values come from: the command line, the environment, then the parameters files.</summary>
    private sealed record ParameterSources(ParameterSource CommandLine, ParameterSource Environment, IReadOnlyList<ParameterSource> Files)
    {
        public IReadOnlyList<ParameterSource> InPrecedence => [CommandLine, Environment, .. Files];
    }

    private ParameterSources Sources(CommandLine cli, IReadOnlyList<ParameterDescriptor> descriptors)
    {
        var files = new List<ParameterSource>();
        var nuke = rootDirectory / ".nuke";
        foreach (var profile in cli.Profiles.Reverse())
        {
            var file = nuke / $"parameters.{profile}.json";
            if (!File.Exists(file))
                throw new ParameterException($"Profile '{profile}' not found: expected {file.RelativeTo(rootDirectory)}.");
            files.Add(ParameterSource.FromJsonFile(file, $"profile {profile}", descriptors));
        }

        if (File.Exists(nuke / "parameters.json"))
            files.Add(ParameterSource.FromJsonFile(nuke / "parameters.json", ".nuke/parameters.json", descriptors));
        return new ParameterSources(
            ParameterSource.FromCommandLine(cli.Parameters, descriptors),
            ParameterSource.FromEnvironment(environment.ToDictionary(e => e.Key, e => e.Value) as IDictionary, descriptors),
            files);
    }

    /// <summary>build.schema.json always; the workflows too on a local run (on a server CheckWorkflows reports drift instead).</summary>
    private void KeepGeneratedFilesCurrent(SlipwayBuild build, IReadOnlyList<TargetInfo> targets, IReadOnlyList<ParameterDescriptor> descriptors, IBuildHost host, ILogger logger)
    {
        WriteIfChanged(rootDirectory / ".nuke" / "build.schema.json", SchemaWriter.Write(targets, descriptors));
        if (host.IsServerBuild) return;
        foreach (var file in BuildWorkflows.Regenerate(build, targets, rootDirectory))
            logger.Information("Regenerated {File}: the [GitHubActions] declarations or targets changed", file);
    }

    /// <summary>Required parameters, requirements and input validations of the planned targets; logs every problem found.</summary>
    private async Task<bool> InputsHoldAsync(ExecutionPlan plan, IReadOnlyList<ParameterView> views, ParameterSet parameters, ILogger logger)
    {
        var problems = RequiredParameters(views).Concat(Requirements(plan, parameters)).ToList();
        if (problems.Count == 0) problems.AddRange(await InputProblemsAsync(plan, logger, _abort.Token));
        foreach (var problem in problems) logger.Error("{Problem}", problem);
        return problems.Count == 0;
    }

    /// <summary>Targets and skips come from the command line, else from the first parameters file that names them.</summary>
    private static PlanRequest PlanRequestFrom(CommandLine cli, IReadOnlyList<ParameterSource> fileSources)
    {
        var fileTargets = fileSources.Select(s => s.Values.GetValueOrDefault("target")).FirstOrDefault(v => v is not null) ?? [];
        var fileSkip = fileSources.Select(s => s.Values.GetValueOrDefault("skip")).FirstOrDefault(v => v is not null);
        var skipAll = cli.SkipAllNotInvoked || (cli.SkipTargets.Count == 0 && fileSkip is { Count: 0 });
        return new PlanRequest(
            cli.Targets.Count > 0 ? cli.Targets : fileTargets,
            skipAll,
            cli.SkipTargets.Count > 0 || cli.SkipAllNotInvoked ? cli.SkipTargets : fileSkip ?? []);
    }

    private async Task WritePlan(PlanFormat format, ExecutionPlan plan, ILogger logger)
    {
        switch (format)
        {
            case PlanFormat.Text:
                await output.WriteAsync(PlanWriter.Text(plan));
                break;
            case PlanFormat.Json:
                await output.WriteLineAsync(PlanWriter.Json(plan));
                break;
            default:
                var file = rootDirectory / ".nuke" / "temp" / "plan.html";
                Directory.CreateDirectory(file.Parent!);
                await File.WriteAllTextAsync(file, PlanWriter.Html(plan));
                logger.Information("Plan written to {File}", file.Value);
                await output.WriteLineAsync(file.Value);
                break;
        }
    }

    private int Summarize(ILogger logger, SecretMasker masker, IBuildHost host, TimeSpan elapsed)
    {
        var succeeded = Results.All(r => r.Status is TargetStatus.Succeeded or TargetStatus.Skipped) && _abortExitCode is null;
        foreach (var r in Results)
            logger.Debug("Summary {Target} {Status} {Duration} {Note}", r.Target.Name, r.Status, r.Duration, r.Note);
        lock (output) output.Write(masker.Apply(SummaryWriter.Text(Results, elapsed, succeeded)));
        if (ProducedFiles.Find(Results, rootDirectory) is { Count: > 0 } produced)
            lock (output) output.WriteLine($"Artifacts in {rootDirectory}: {ProducedFiles.Describe(produced)}");
        host.AppendStepSummary(masker.Apply(SummaryWriter.Markdown(Results, elapsed, succeeded)));
        return _abortExitCode ?? (succeeded ? 0 : 1);
    }

    private static void AddSecret(SecretMasker masker, object? value)
    {
        switch (value)
        {
            case string s:
                masker.Add(s);
                break;
            case Array array:
                foreach (var item in array) AddSecret(masker, item);
                break;
        }
    }

    private static void Inject(SlipwayBuild build, ParameterSet parameters)
    {
        foreach (var parameter in parameters.All.Where(p => p.IsSet && p.Descriptor.IsInjected))
        {
            switch (parameter.Descriptor.Member)
            {
                case FieldInfo field:
                    field.SetValue(build, parameter.Value);
                    break;
                case PropertyInfo property:
                    property.SetValue(build, parameter.Value);
                    break;
            }
        }
    }

    /// <summary>Each parameter's effective value: what a source set, or what the member's initializer or default gives.</summary>
    private static IReadOnlyList<ParameterView> Views(SlipwayBuild build, ParameterSet parameters) =>
        parameters.All.Select(p => new ParameterView(p.Descriptor, p.Descriptor.Member switch
        {
            FieldInfo field => field.GetValue(build),
            PropertyInfo property => property.GetValue(build),
            _ => null,
        }, p.Origin)).ToList();

    private static IEnumerable<string> RequiredParameters(IReadOnlyList<ParameterView> views) =>
        views.Where(v => v.Descriptor.IsRequired && IsMissing(v.Value)).Select(v => MissingMessage(v.Descriptor, "this build"));

    private static IEnumerable<string> Requirements(ExecutionPlan plan, ParameterSet parameters)
    {
        foreach (var step in plan.Steps.Where(s => !s.IsSkipped))
        foreach (var requirement in step.Target.Requirements)
        {
            var value = requirement.Evaluate();
            if (value is bool holds)
            {
                if (!holds) yield return $"Target {step.Target.Name} requires {requirement.Text}.";
            }
            else if (IsMissing(value))
            {
                var parameter = parameters.Find(SourceText.LastIdentifier(requirement.Text))?.Descriptor;
                yield return parameter is null
                    ? $"Target {step.Target.Name} requires {requirement.Text} to have a value."
                    : MissingMessage(parameter, $"target {step.Target.Name}");
            }
        }
    }

    /// <summary>What the planned targets' validations find wrong with the inputs, each message once.</summary>
    private static async Task<IReadOnlyList<string>> InputProblemsAsync(ExecutionPlan plan, ILogger logger, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var problems = new List<string>();
        foreach (var validation in plan.Steps.Where(s => !s.IsSkipped).SelectMany(s => s.Target.Validations).Distinct())
        {
            try
            {
                await validation(cancellationToken);
            }
            catch (InputException e)
            {
                if (!problems.Contains(e.Message)) problems.Add(e.Message);
            }
        }

        logger.Debug("Inputs checked in {Seconds:0.00} s", stopwatch.Elapsed.TotalSeconds);
        return problems;
    }

    private static bool IsMissing(object? value) => value is null or "" or Array { Length: 0 };

    private static string MissingMessage(ParameterDescriptor parameter, string who) =>
        $"Parameter '{parameter.Name}' is required by {who}: set --{parameter.CliName}, the environment variable " +
        $"{parameter.CliName.Replace('-', '_').ToUpperInvariant()}, or \"{parameter.Name}\" in .nuke/parameters.json.";

    private static void WriteIfChanged(AbsolutePath file, string content)
    {
        if (File.Exists(file) && File.ReadAllText(file) == content) return;
        File.WriteAllText(file, content);
    }
}
