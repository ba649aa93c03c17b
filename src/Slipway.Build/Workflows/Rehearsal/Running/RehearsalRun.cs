using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Slipway.Build.Execution;
using Slipway.Build.Processes;

namespace Slipway.Build.Workflows.Rehearsal;

/// <summary>
/// One run of RehearseWorkflow: reads the committed workflow and what git says about HEAD, plans, starts the build's
/// stand-in, runs every job run and writes the summary; logs and the artifact folder go to artifacts/rehearsal/&lt;workflow&gt;.
/// </summary>
internal sealed partial class RehearsalRun(IRehearseWorkflow build)
{
    /// <summary>Variables every job needs from the machine even when a build parameter shares their name.</summary>
    private static readonly HashSet<string> Essential = ["PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "TERM", "TMPDIR", "DOTNET_ROOT"];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var log = build.Log;
        var root = build.RootDirectory;
        var workflowFile = FindWorkflow();
        var relative = workflowFile.RelativeTo(root).ToString();
        var definition = WorkflowReader.Read(relative, await File.ReadAllTextAsync(workflowFile, cancellationToken));

        var git = await GitFactsAsync(cancellationToken);
        var secrets = new Dictionary<string, string>();
        foreach (var name in build.RehearsalSecret ?? [])
        {
            var value = build.Context.Environment.GetValueOrDefault(name);
            if (value is not { Length: > 0 }) throw new TargetFailedException($"Parameter 'RehearsalSecret': {name} is not set in the environment; export it, or leave it out (an unset secret reads as empty).");
            build.Context.Masker.Add(value);
            secrets[name] = value;
        }

        var inputs = KeyValues.Parse(nameof(IRehearseWorkflow.RehearsalInput), build.RehearsalInput ?? []);
        var extra = KeyValues.Parse(nameof(IRehearseWorkflow.RehearsalEnv), build.RehearsalEnv ?? []);
        var (eventName, gitRef) = RehearsalEvent.Choose(definition, git, inputs.Count > 0);
        var context = new RehearsalContext
        {
            EventName = eventName,
            Ref = gitRef,
            Sha = git.Sha,
            Repository = await RepositoryAsync(cancellationToken),
            Actor = build.Context.Environment.GetValueOrDefault("USER") is { Length: > 0 } user ? user : "rehearsal",
            NativePlatform = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux/arm64" : "linux/amd64",
            EmulatedPlatforms = (build.RehearsePlatform ?? []).ToHashSet(),
            Inputs = inputs,
            Variables = KeyValues.Parse(nameof(IRehearseWorkflow.RehearsalVariable), build.RehearsalVariable ?? []),
            Secrets = secrets,
            RunId = build.Context.RunId,
        };
        var plan = RehearsalPlanner.Plan(definition, context);
        log.Information("Rehearsing {File}: {Event} of {Ref} at {Sha} as {Repository}; {Runs}", relative, eventName, gitRef, git.Sha[..7], context.Repository,
            string.Join(", ", plan.Runs.Select(r => r.NotRehearsed is null ? r.Title : $"not {r.Title}")));

        var output = build.ArtifactsDirectory / "rehearsal" / definition.Name;
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        var work = Directory.CreateTempSubdirectory("slipway-rehearsal-").FullName;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<JobResult> results;
        try
        {
            await using var standIn = await build.StartRehearsalStandInAsync(plan, cancellationToken);
            var setup = new RehearsalSetup(plan, root, root.Name, work, output / "logs", new ArtifactStore(output / "store"),
                build.Context.Environment, MachineEnvironment(), standIn, extra, build.Context.Masker);
            results = await new RehearsalRunner(setup, log).RunAsync(cancellationToken);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        // A job skipped for a failed need adds nothing to that failure; one skipped by its own if: is as GitHub would have it.
        var succeeded = !results.Any(r => r.Status is RehearsalStatus.Failed or RehearsalStatus.Cancelled);
        var text = RehearsalSummary.Text(plan, results, stopwatch.Elapsed, succeeded);
        Directory.CreateDirectory(output);
        await File.WriteAllTextAsync(output / "summary.txt", build.Context.Masker.Apply(text), CancellationToken.None);
        log.Information("{Summary}", text);
        build.Host.AppendStepSummary(build.Context.Masker.Apply(RehearsalSummary.Markdown(plan, results, stopwatch.Elapsed, succeeded)));

        var rehearsed = results.Count(r => r.Status != RehearsalStatus.NotRehearsed);
        var left = results.Where(r => r.Status == RehearsalStatus.NotRehearsed).Select(r => r.Run.Title).ToList();
        build.ReportSummary($"{relative}: {results.Count(r => r.Status == RehearsalStatus.Succeeded)}/{rehearsed} job runs succeeded"
                            + (left.Count > 0 ? $", not rehearsed: {string.Join(", ", left)}" : "") + $"; {output.RelativeTo(root)}");
        if (!succeeded)
            throw new TargetFailedException(string.Join(Environment.NewLine, results.Where(r => r.Status is RehearsalStatus.Failed or RehearsalStatus.Cancelled).Select(r =>
                r.FailedStep is { } step
                    ? $"{relative}: job '{r.Run.Title}' failed at step {step.Number} '{step.Name}' (log: {AbsolutePath.Create(r.LogFile!).RelativeTo(root)})"
                    : $"{relative}: job '{r.Run.Title}' {r.Status.ToString().ToLowerInvariant()}{(r.Note is null ? "" : $": {r.Note}")}")));
    }

    private AbsolutePath FindWorkflow()
    {
        var folder = build.RootDirectory / ".github" / "workflows";
        var name = build.Workflow!;
        foreach (var extension in new[] { ".yml", ".yaml" })
            if (File.Exists(folder / (name + extension))) return folder / (name + extension);
        var available = Directory.Exists(folder)
            ? Directory.GetFiles(folder).Where(f => f.EndsWith(".yml") || f.EndsWith(".yaml")).Select(Path.GetFileNameWithoutExtension).Order().ToList()
            : [];
        throw new ParameterException($"Parameter 'Workflow': there is no .github/workflows/{name}.yml; workflows here: {(available.Count == 0 ? "none" : string.Join(", ", available))}.");
    }

    private async Task<GitFacts> GitFactsAsync(CancellationToken cancellationToken)
    {
        var sha = (await GitAsync(cancellationToken, "rev-parse", "HEAD"))?.Trim()
                  ?? throw new TargetFailedException($"{build.RootDirectory} has no commit to rehearse: commit first.");
        var branch = (await GitAsync(cancellationToken, "symbolic-ref", "--short", "-q", "HEAD"))?.Trim();
        var tags = ((await GitAsync(cancellationToken, "tag", "--points-at", "HEAD")) ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if ((await GitAsync(cancellationToken, "status", "--porcelain", "--untracked-files=no")) is { Length: > 0 })
            build.Log.Warning("The working tree has uncommitted changes; the rehearsal runs the commit {Sha} without them", sha[..7]);
        return new GitFacts(sha, branch is { Length: > 0 } ? branch : null, tags);
    }

    /// <summary><c>owner/name</c> from a GitHub origin, else <c>local/&lt;folder&gt;</c>.</summary>
    private async Task<string> RepositoryAsync(CancellationToken cancellationToken)
    {
        var origin = (await GitAsync(cancellationToken, "remote", "get-url", "origin"))?.Trim() ?? "";
        return GitHubRemote().Match(origin) is { Success: true } match ? $"{match.Groups[1].Value}/{match.Groups[2].Value}" : $"local/{build.RootDirectory.Name}";
    }

    [GeneratedRegex(@"github\.com[:/]([^/]+)/([^/]+?)(?:\.git)?/?$")]
    private static partial Regex GitHubRemote();

    private async Task<string?> GitAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await build.Processes.RunAsync("git", arguments, new ProcessOptions { WorkingDirectory = build.RootDirectory, Quiet = true, ThrowOnError = false }, cancellationToken);
        return result.Succeeded ? result.StandardOutput : null;
    }

    /// <summary>
    /// The environment a runner's jobs start from: this machine's, less what GitHub sets itself (GITHUB_*, RUNNER_*,
    /// ACTIONS_*), less CI (a runner's consent to reconfigure its engine; this machine is the user's), and less what would
    /// set one of the build's parameters, which a job gets from the workflow alone.
    /// </summary>
    private Dictionary<string, string> MachineEnvironment()
    {
        var parameters = ParameterDescriptor.Discover(build.GetType()).Select(p => p.Key).ToHashSet();
        return build.Context.Environment
            .Where(e => Essential.Contains(e.Key) || !(e.Key.StartsWith("GITHUB_") || e.Key.StartsWith("RUNNER_") || e.Key.StartsWith("ACTIONS_") || e.Key == "CI"
                                                      || parameters.Contains(ParameterDescriptor.NormalizeKey(e.Key))))
            .ToDictionary(e => e.Key, e => e.Value);
    }
}
