using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.FileSystemGlobbing;
using Serilog;

namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>
/// Runs one job run as a runner would: an empty workspace named after the repository, GitHub's variables, the job's
/// environment, then each step whose <c>if:</c> holds: checkout clones, run steps go to bash, uploads and downloads go
/// through the artifact folder, GitHub-only steps are skipped. The job's timeout applies; its folders go afterwards.
/// </summary>
public sealed class JobRunner(RehearsalSetup setup, ILogger log)
{
    private RehearsalPlan Plan => setup.Plan;

    public async Task<JobResult> RunAsync(JobRun run, int index, Func<string, string?> whyMissing, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var root = Path.Combine(setup.WorkFolder, $"{index:00}-{run.FileName}");
        var workspace = Path.Combine(root, setup.RepositoryName);
        var temp = Path.Combine(root, "_temp");
        Directory.CreateDirectory(workspace);
        Directory.CreateDirectory(temp);
        var files = new RunnerFiles(temp);
        var logFile = Path.Combine(setup.LogFolder, $"{index:00}-{run.FileName}.log");
        using var jobLog = new JobLog(logFile, setup.Masker);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var minutes = run.Job.TimeoutMinutes ?? 360;
        timeout.CancelAfter(TimeSpan.FromMinutes(minutes));

        var environment = JobEnvironment(run, workspace, temp, files);
        var jobScope = RehearsalContexts.ForJob(Plan.Workflow, Plan.Context, run.Job, run.Matrix);
        var results = new List<StepResult>();
        var failed = false;
        try
        {
            foreach (var planned in run.Steps)
            {
                var state = new JobState(failed, timeout.IsCancellationRequested);
                var scope = RehearsalContexts.ForStep(jobScope, Plan.Workflow, Plan.Context, run.Job.Id, environment, workspace, temp)
                    .With(state, patterns => HashFiles(workspace, patterns));
                var result = await RunStepAsync(run, planned, scope, environment, workspace, temp, files, jobLog, whyMissing, timeout.Token);
                if (result.Status == RehearsalStatus.Failed && !planned.Step.ContinueOnError) failed = true;
                results.Add(result);
            }
        }
        finally
        {
            // What a discarded runner would take with it goes, also after a failure.
            await setup.StandIn.AfterJobAsync(workspace, CancellationToken.None);
            Directory.Delete(root, recursive: true);
        }

        var timedOut = timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
        var status = cancellationToken.IsCancellationRequested ? RehearsalStatus.Cancelled
            : failed || timedOut ? RehearsalStatus.Failed
            : RehearsalStatus.Succeeded;
        var note = timedOut ? $"timed out after {minutes} min (timeout-minutes)"
            : results.FirstOrDefault(r => r.Status == RehearsalStatus.Failed) is { } first ? $"step {first.Number} failed"
            : null;
        return new JobResult(run, status, stopwatch.Elapsed, note, results, logFile);
    }

    private async Task<StepResult> RunStepAsync(JobRun run, PlannedStep planned, ExpressionScope scope, Dictionary<string, string> environment, string workspace,
        string temp, RunnerFiles files, JobLog jobLog, Func<string, string?> whyMissing, CancellationToken cancellationToken)
    {
        var step = planned.Step;
        var name = setup.Masker.Apply(Resolve(step.DisplayName, scope));
        var stopwatch = Stopwatch.StartNew();
        try
        {
            if (!Templates.Condition(step.If, scope))
                return new StepResult(step.Number, name, RehearsalStatus.Skipped, TimeSpan.Zero, step.If is null ? "an earlier step failed" : $"if: {step.If} is false");
            if (planned.Kind is StepKind.GitHubOnly or StepKind.Unknown)
            {
                if (planned.Kind == StepKind.Unknown) log.Warning("{Job} › {Step}: {Reason}; skipped", run.Title, name, planned.SkipReason);
                return new StepResult(step.Number, name, RehearsalStatus.Skipped, TimeSpan.Zero, $"{(planned.Kind == StepKind.GitHubOnly ? "GitHub only" : "not rehearsed")}: {planned.SkipReason}");
            }

            log.Information("  {Number,2} {Step}", step.Number, name);
            jobLog.Step(step.Number, name);
            var with = step.With.ToDictionary(w => w.Key, w => Resolve(w.Value, scope));
            var stepEnvironment = new Dictionary<string, string>(environment);
            foreach (var (key, value) in step.Env) stepEnvironment[key] = Resolve(value, scope.With("env", ExpressionValue.Strings(stepEnvironment)));
            var note = planned.Kind switch
            {
                StepKind.Checkout => await CheckoutAsync(with, workspace, stepEnvironment, jobLog, cancellationToken),
                StepKind.Upload => Upload(with, workspace, jobLog),
                StepKind.Download => Download(with, workspace, jobLog, whyMissing),
                _ => await RunAsync(step, run.Job.Defaults, Resolve(step.Run!, scope), scope, stepEnvironment, environment, workspace, temp, files, jobLog, cancellationToken),
            };
            jobLog.Note($"##[endgroup] {(note is null ? "" : note + " ")}({stopwatch.Elapsed.TotalSeconds:0.0} s)");
            return new StepResult(step.Number, name, RehearsalStatus.Succeeded, stopwatch.Elapsed, note);
        }
        catch (OperationCanceledException)
        {
            jobLog.Note("##[error]The step was cancelled.");
            return new StepResult(step.Number, name, RehearsalStatus.Cancelled, stopwatch.Elapsed, "cancelled");
        }
        catch (Exception e) when (e is StepFailedException or InputException or IOException or UnauthorizedAccessException)
        {
            var message = setup.Masker.Apply(e.Message);
            jobLog.Note($"##[error]{message}");
            if (jobLog.Tail() is { Count: > 0 } tail)
                log.Error("{Job} › {Step} failed: {Message}; its last lines:{NewLine}{Tail}", run.Title, name, message, Environment.NewLine, string.Join(Environment.NewLine, tail));
            return new StepResult(step.Number, name, RehearsalStatus.Failed, stopwatch.Elapsed, message);
        }
    }

    private string Resolve(string text, ExpressionScope scope) => Templates.Resolve(text, scope);

    /// <summary>
    /// The machine's environment less what GitHub sets and what would set the build's parameters, then GitHub's variables,
    /// the job's (as the stand-in replaces them), and those given for every job.
    /// </summary>
    private Dictionary<string, string> JobEnvironment(JobRun run, string workspace, string temp, RunnerFiles files)
    {
        var context = Plan.Context;
        var environment = new Dictionary<string, string>(setup.MachineEnvironment);
        var eventFile = Path.Combine(temp, "event.json");
        File.WriteAllText(eventFile, System.Text.Json.JsonSerializer.Serialize(new { repository = new { default_branch = context.DefaultBranch, full_name = context.Repository } }));
        var github = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKFLOW"] = Plan.Workflow.Name,
            ["GITHUB_JOB"] = run.Job.Id,
            ["GITHUB_RUN_ID"] = context.RunId,
            ["GITHUB_RUN_NUMBER"] = "1",
            ["GITHUB_RUN_ATTEMPT"] = "1",
            ["GITHUB_ACTOR"] = context.Actor,
            ["GITHUB_TRIGGERING_ACTOR"] = context.Actor,
            ["GITHUB_REPOSITORY"] = context.Repository,
            ["GITHUB_REPOSITORY_OWNER"] = context.Owner,
            ["GITHUB_EVENT_NAME"] = context.EventName,
            ["GITHUB_EVENT_PATH"] = eventFile,
            ["GITHUB_WORKSPACE"] = workspace,
            ["GITHUB_SHA"] = context.Sha,
            ["GITHUB_REF"] = context.Ref,
            ["GITHUB_REF_NAME"] = context.RefName,
            ["GITHUB_REF_TYPE"] = context.RefType,
            ["GITHUB_SERVER_URL"] = context.ServerUrl,
            ["GITHUB_API_URL"] = "https://api.github.com",
            ["GITHUB_GRAPHQL_URL"] = "https://api.github.com/graphql",
            ["GITHUB_ENV"] = files.Env,
            ["GITHUB_PATH"] = files.PathFile,
            ["GITHUB_OUTPUT"] = files.Output,
            ["GITHUB_STEP_SUMMARY"] = files.StepSummary,
        };
        foreach (var (name, value) in github) environment[name] = value;
        foreach (var (name, value) in RehearsalContexts.Runner(context, temp)) environment[$"RUNNER_{name.ToUpperInvariant()}"] = value;
        foreach (var (name, value) in run.Env)
            environment[name] = setup.StandIn.Variables.TryGetValue(name, out var standIn) ? standIn : value;
        if (run.Env.Any(e => setup.StandIn.Variables.ContainsKey(e.Key)))
            foreach (var (name, value) in setup.StandIn.Companions) environment[name] = value;
        foreach (var (name, value) in setup.ExtraVariables) environment[name] = value;
        return environment;
    }

    private async Task<string?> CheckoutAsync(IReadOnlyDictionary<string, string> with, string workspace, Dictionary<string, string> environment, JobLog jobLog, CancellationToken cancellationToken)
    {
        if (with.GetValueOrDefault("repository") is { Length: > 0 } repository && !string.Equals(repository, Plan.Context.Repository, StringComparison.OrdinalIgnoreCase))
            throw new StepFailedException($"checkout of another repository ({repository}) is not rehearsed; only {Plan.Context.Repository}, from {setup.SourceRepository}.");
        if (with.GetValueOrDefault("ref") is { Length: > 0 } other && other != Plan.Context.Ref && other != Plan.Context.Sha)
            throw new StepFailedException($"checkout of ref '{other}' is not rehearsed; the rehearsal checks out what it rehearses, {Plan.Context.Ref} at {Plan.Context.Sha}.");
        var depthText = with.GetValueOrDefault("fetch-depth") is { Length: > 0 } given ? given : "1";
        if (!int.TryParse(depthText, out var depth) || depth < 0)
            throw new StepFailedException($"actions/checkout: fetch-depth '{depthText}' is not a whole number of commits (0 for all history).");
        var path = Path.GetFullPath(Path.Combine(workspace, with.GetValueOrDefault("path") ?? ""));
        if (!path.StartsWith(workspace, StringComparison.Ordinal))
            throw new StepFailedException($"actions/checkout: path '{with["path"]}' is outside the workspace.");
        return await Checkout.RunAsync(jobLog, setup.SourceRepository, path, Plan.Context.Ref, Plan.Context.Sha, depth, Process(environment), cancellationToken);
    }

    private string? Upload(IReadOnlyDictionary<string, string> with, string workspace, JobLog jobLog)
    {
        var name = with.GetValueOrDefault("name") is { Length: > 0 } given ? given : "artifact";
        var path = with.GetValueOrDefault("path") ?? throw new StepFailedException("upload-artifact: 'path' is required.");
        var ifNone = with.GetValueOrDefault("if-no-files-found") is { Length: > 0 } mode ? mode : "warn";
        if (ifNone is not ("warn" or "error" or "ignore"))
            throw new StepFailedException($"upload-artifact: if-no-files-found '{ifNone}' is not one of warn, error, ignore.");
        var selection = UploadSearch.Find(workspace, path, Flag(with, "include-hidden-files"), setup.MachineEnvironment.GetValueOrDefault("HOME") ?? "/root");
        if (selection.Files.Count == 0)
        {
            var message = $"No files were found with the provided path: {path.Replace('\n', ' ')}. No artifacts will be uploaded.";
            if (ifNone == "error") throw new StepFailedException(message);
            jobLog.Note(ifNone == "warn" ? $"##[warning]{message}" : message);
            return ifNone == "warn" ? $"warning: no files for '{name}'" : $"no files for '{name}'";
        }

        var count = setup.Store.Upload(name, selection, Flag(with, "overwrite"));
        foreach (var file in selection.Files) jobLog.Note(Path.GetRelativePath(selection.Root, file));
        return $"'{name}': {count} file(s) from {Display(workspace, selection.Root)}";
    }

    private string? Download(IReadOnlyDictionary<string, string> with, string workspace, JobLog jobLog, Func<string, string?> whyMissing)
    {
        var home = setup.MachineEnvironment.GetValueOrDefault("HOME") ?? "/root";
        var path = with.GetValueOrDefault("path") is { Length: > 0 } given ? (given.StartsWith('~') ? home + given[1..] : given) : "";
        var destination = Path.GetFullPath(Path.Combine(workspace, path));
        var name = with.GetValueOrDefault("name");
        var downloaded = setup.Store.Download(name, with.GetValueOrDefault("pattern"), destination, Flag(with, "merge-multiple"), whyMissing);
        foreach (var artifact in downloaded) jobLog.Note($"Downloaded '{artifact}' to {destination}");
        return $"{(downloaded.Count == 0 ? "no artifacts" : string.Join(", ", downloaded.Select(d => $"'{d}'")))} → {Display(workspace, destination)}";
    }

    private async Task<string?> RunAsync(StepDefinition step, JobRunDefaults defaults, string script, ExpressionScope scope, Dictionary<string, string> stepEnvironment,
        Dictionary<string, string> jobEnvironment, string workspace, string temp, RunnerFiles files, JobLog jobLog, CancellationToken cancellationToken)
    {
        var shell = step.Shell ?? defaults.Shell;
        var scriptFile = Path.Combine(temp, $"step-{step.Number}.sh");
        await File.WriteAllTextAsync(scriptFile, script, cancellationToken);
        var (program, arguments) = shell switch
        {
            null => ("bash", new[] { "-e", scriptFile }),
            "bash" => ("bash", ["--noprofile", "--norc", "-eo", "pipefail", scriptFile]),
            "sh" => ("sh", ["-e", scriptFile]),
            _ => throw new StepFailedException($"shell '{shell}' is not rehearsed; bash and sh are."),
        };
        var directory = step.WorkingDirectory ?? defaults.WorkingDirectory;
        var workingDirectory = Path.GetFullPath(Path.Combine(workspace, directory is null ? "" : Resolve(directory, scope)));
        if (!Directory.Exists(workingDirectory)) throw new StepFailedException($"working-directory {workingDirectory} does not exist.");

        files.Reset();
        foreach (var line in script.TrimEnd().Split('\n')) jobLog.Note($"[command]{line}");
        var exitCode = await JobProcess.RunAsync(jobLog, program, arguments, workingDirectory, Process(stepEnvironment), cancellationToken);
        if (files.Collect(jobEnvironment) is { } summary) jobLog.Note($"[step summary]{Environment.NewLine}{summary}");
        if (exitCode != 0) throw new StepFailedException($"exit code {exitCode}{(jobLog.LastLine() is { } last ? $": {last}" : "")}");
        return null;
    }

    /// <summary>A process's environment: the given variables, with the inherited ones it should not see removed.</summary>
    private IReadOnlyDictionary<string, string?> Process(IReadOnlyDictionary<string, string> environment)
    {
        var result = environment.ToDictionary(e => e.Key, e => (string?)e.Value);
        foreach (var inherited in setup.InheritedEnvironment.Keys.Where(k => !environment.ContainsKey(k)))
            result[inherited] = null;
        return result;
    }

    private static bool Flag(IReadOnlyDictionary<string, string> with, string name) => with.GetValueOrDefault(name)?.Trim().ToLowerInvariant() == "true";

    private static string Display(string workspace, string path) => Path.GetRelativePath(workspace, path) is "." ? "the workspace" : Path.GetRelativePath(workspace, path);

    /// <summary>hashFiles: SHA-256 over each matching file's SHA-256, in path order; empty when nothing matches.</summary>
    private static string HashFiles(string workspace, IReadOnlyList<string> patterns)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        foreach (var pattern in patterns.SelectMany(p => p.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var relative = Path.IsPathRooted(pattern) ? Path.GetRelativePath(workspace, pattern) : pattern;
            if (relative.StartsWith('!')) matcher.AddExclude(relative[1..]);
            else matcher.AddInclude(relative);
        }

        var files = matcher.GetResultsInFullPath(workspace).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) return "";
        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            all.AppendData(SHA256.HashData(stream));
        }

        return Convert.ToHexStringLower(all.GetHashAndReset());
    }
}
