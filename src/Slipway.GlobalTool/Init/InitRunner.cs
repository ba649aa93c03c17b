using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Build.Logging;
using Slipway.Build.Processes;
using Slipway.Containers.Stacks;
using Slipway.GlobalTool.Handover;
using Slipway.GlobalTool.Scaffold;
using Spectre.Console;

namespace Slipway.GlobalTool.Init;

/// <summary>
/// <c>slipway init</c>: reads the repository (git, compose's resolved stack, the files present), asks what no flag
/// answered, has <see cref="InitPlanner"/> decide, then writes the plan and runs the new build once for its workflows.
/// </summary>
public sealed class InitRunner(IAnsiConsole console, TextWriter output, TextWriter error, bool interactive, string toolVersion)
{
    private const string FirstRunArguments = "--plan --format text";

    public async Task<int> RunAsync(InitOptions options, AbsolutePath workingDirectory, CancellationToken cancellationToken)
    {
        var processes = new ProcessRunner(Serilog.Core.Logger.None, new SecretMasker(), workingDirectory);
        var questions = new InitQuestions(console, interactive && !options.Yes);
        InitPlan plan;
        try
        {
            plan = await PlanAsync(options, workingDirectory, processes, questions, cancellationToken);
        }
        catch (InitRefusedException e)
        {
            await error.WriteLineAsync($"slipway init: {e.Message}");
            return 1;
        }

        Apply(plan);
        var firstRun = await RunBuildOnceAsync(plan.Root, processes, cancellationToken);
        Report(plan, firstRun);
        if (!firstRun.Succeeded)
        {
            await error.WriteLineAsync($"slipway init: the files are written, but ./build.sh {FirstRunArguments} failed (exit code {firstRun.ExitCode}), so the workflows are not:\n" +
                                       $"{firstRun.StandardOutput}{firstRun.StandardError}".TrimEnd());
            return 1;
        }

        return 0;
    }

    private async Task<InitPlan> PlanAsync(InitOptions options, AbsolutePath workingDirectory, ProcessRunner processes, InitQuestions questions, CancellationToken cancellationToken)
    {
        var facts = await RepositoryAsync(options, workingDirectory, processes, cancellationToken);
        InitPlanner.CheckRepository(facts);
        var root = facts.Root!;
        output.WriteLine($"Slipway {toolVersion}: setting up {root}");

        if (options.ComposeFiles.Count == 0)
        {
            var found = facts.ComposeFiles.Select(f => f.RelativeTo(root)).ToList();
            var answer = questions.List("Compose files of the stack", found);
            if (!answer.SequenceEqual(found))
            {
                facts = Compose(facts, answer.Select(f => AbsolutePath.Resolve(root, f)).ToList());
                InitPlanner.CheckRepository(facts);
            }
        }

        var profiles = options.ComposeProfiles ?? questions.List("Compose profiles to enable", []);
        facts = await StackAsync(facts, profiles, processes, cancellationToken);
        if (facts.ComposeError is null)
            output.WriteLine($"Stack {facts.Stack!.Name}: {string.Join(", ", facts.Stack.Services.Select(s => s.Name))}");

        var currentBranch = (await processes.RunAsync("git", ["symbolic-ref", "--short", "-q", "HEAD"],
            new ProcessOptions { Quiet = true, ThrowOnError = false, WorkingDirectory = root }, cancellationToken)).StandardOutput.Trim();
        var source = options.Source ?? questions.Text("Local feed with Slipway's packages (empty: the usual NuGet sources)", "", allowEmpty: true);
        var choices = new InitChoices
        {
            ComposeProfiles = profiles,
            Branch = options.Branch ?? questions.Text("Branch that the ci workflow builds", currentBranch is { Length: > 0 } ? currentBranch : "main"),
            Platforms = options.Platforms ?? questions.List("Platforms the workflows build", CiSettings.DefaultPlatforms),
            Registry = options.Registry ?? questions.Text("Registry the release workflow publishes to", CiSettings.GitHubRegistry),
            Source = source is { Length: > 0 } ? AbsolutePath.Resolve(workingDirectory, source) : null,
            Force = options.Force,
        };
        facts = await PresentAsync(facts, choices.Source, processes, cancellationToken);

        var references = new BuildReferences.Packages(toolVersion);
        try
        {
            return InitPlanner.Plan(facts, choices, references);
        }
        catch (InitRefusedException e) when (e.Conflicts.Count > 0 && questions.Confirm($"Overwrite {string.Join(", ", e.Conflicts)}?"))
        {
            return InitPlanner.Plan(facts, choices with { Force = true }, references);
        }
    }

    /// <summary>git's root of the working directory and the compose files given or found there.</summary>
    private static async Task<InitFacts> RepositoryAsync(InitOptions options, AbsolutePath workingDirectory, ProcessRunner processes, CancellationToken cancellationToken)
    {
        var git = await processes.RunAsync("git", ["rev-parse", "--show-toplevel"],
            new ProcessOptions { Quiet = true, ThrowOnError = false, WorkingDirectory = workingDirectory }, cancellationToken);
        var facts = new InitFacts { WorkingDirectory = workingDirectory, Root = git.Succeeded ? AbsolutePath.Create(git.StandardOutput.Trim()) : null };
        if (facts.Root is not { } root) return facts;
        return options.ComposeFiles.Count > 0
            ? Compose(facts, options.ComposeFiles.Select(f => AbsolutePath.Resolve(workingDirectory, f)).ToList())
            : Compose(facts, ComposeDiscovery.Find(workingDirectory, root, f => File.Exists(f)));
    }

    private static InitFacts Compose(InitFacts facts, IReadOnlyList<AbsolutePath> files) =>
        facts with { ComposeFiles = files, MissingComposeFiles = files.Where(f => !File.Exists(f)).ToList() };

    /// <summary>The stack through compose's own resolution, as every target reads it.</summary>
    private static async Task<InitFacts> StackAsync(InitFacts facts, IReadOnlyList<string> profiles, ProcessRunner processes, CancellationToken cancellationToken)
    {
        try
        {
            var stack = await new StackLoader(processes).LoadAsync(new ComposeCommand(facts.ComposeFiles, null, profiles), cancellationToken);
            return facts with { Stack = stack };
        }
        catch (InputException e)
        {
            return facts with { ComposeError = e.Message };
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or CliWrap.Exceptions.CliWrapException)
        {
            return facts with { ComposeError = $"docker compose could not run ({e.Message}); Slipway reads the stack through docker compose config." };
        }
    }

    /// <summary>The files the plan depends on, what git already ignores, and the feed's packages.</summary>
    private static async Task<InitFacts> PresentAsync(InitFacts facts, AbsolutePath? source, ProcessRunner processes, CancellationToken cancellationToken)
    {
        var root = facts.Root!;
        var existing = InitPlanner.CandidatePaths(root, facts.ComposeFiles)
            .Where(p => File.Exists(root / p))
            .ToDictionary(p => p, p => File.ReadAllText(root / p));
        // git's own answer (every .gitignore, info/exclude and core.excludesFile count) for paths that need not exist.
        var ignored = new HashSet<string>();
        foreach (var folder in ScaffoldFiles.IgnoredFolders)
        {
            var check = await processes.RunAsync("git", ["check-ignore", "-q", "--no-index", folder + "probe"],
                new ProcessOptions { Quiet = true, ThrowOnError = false, WorkingDirectory = root }, cancellationToken);
            if (check.Succeeded) ignored.Add(folder);
        }

        var feed = source is not null && Directory.Exists(source) ? Directory.GetFiles(source).Select(Path.GetFileName).OfType<string>().ToList() : null;
        return facts with { ExistingFiles = existing, IgnoredFolders = ignored, FeedFiles = feed };
    }

    private static void Apply(InitPlan plan)
    {
        foreach (var file in plan.ToWrite)
        {
            var path = plan.Root / file.Path;
            Directory.CreateDirectory(path.Parent!);
            if (file.Action == FileAction.Append)
                File.AppendAllText(path, file.Content);
            else
                File.WriteAllText(path, file.Content);
            if (file.Executable && !OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    /// <summary>Compiles the new build and lets it write what only it can: the workflows and the parameters' schema.</summary>
    private async Task<ProcessResult> RunBuildOnceAsync(AbsolutePath root, ProcessRunner processes, CancellationToken cancellationToken)
    {
        output.WriteLine($"Running ./build.sh {FirstRunArguments} once: it compiles the build (restoring Slipway {toolVersion}) and writes the workflows…");
        var start = new BuildScript(root).StartInfo(FirstRunArguments.Split(' '));
        return await processes.RunAsync(start.FileName, start.ArgumentList,
            new ProcessOptions { Quiet = true, ThrowOnError = false, WorkingDirectory = root, Environment = new Dictionary<string, string?> { ["NO_COLOR"] = "1" } },
            cancellationToken);
    }

    private void Report(InitPlan plan, ProcessResult firstRun)
    {
        var width = plan.Files.Max(f => f.Path.Length);
        foreach (var file in plan.Files)
        {
            var action = file.Action switch
            {
                FileAction.Create => "wrote",
                FileAction.Overwrite => "overwrote",
                FileAction.Append => "appended to",
                FileAction.Keep => "left alone",
                _ => File.Exists(plan.Root / file.Path) ? "generated" : "not generated",
            };
            output.WriteLine($"  {action,-13} {file.Path.PadRight(width)}  {file.Note}".TrimEnd());
        }

        foreach (var warning in plan.Warnings) output.WriteLine($"warning: {warning}");
        if (firstRun.Succeeded)
            output.WriteLine("Next: ./build.sh builds, scans, starts and smoke-tests the stack, then tears it down; commit what init wrote.");
    }
}
