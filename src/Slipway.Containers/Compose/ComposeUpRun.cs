using System.Diagnostics;
using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Build.Processes;
using Slipway.Containers.Building;
using Slipway.Containers.Engine;
using Slipway.Containers.Images;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Compose;

/// <summary>One run of ComposeUp: the stack under its own project name, pinned to the built images, up and healthy or explained.</summary>
internal sealed class ComposeUpRun(IComposeUp build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var report = ImagesReport.Load(build.ImagesFile);
        var stack = await build.LoadStackAsync(ct);
        var started = build.StartedStacks;
        using var docker = DockerEngine.Connect();
        var (command, overrideFile) = Project(build, stack);
        var project = command.ProjectName!;
        await WarnOfEarlierStacksAsync(started, project, docker, ct);

        var session = build.Context.State<ComposeSession>();
        var headStart = session.HeadStart is { } head ? (head.Services, Lead: await head.FinishAsync()) : default;
        Directory.CreateDirectory(overrideFile.Parent!);
        await File.WriteAllTextAsync(overrideFile, ImagePinning.Override(report.Images, stack, ephemeralPorts: build.KeepStack != true), ct);
        session.Stack = stack;
        session.Command = command;
        build.Log.Information("Starting project {Project}{Hint}", project, build.KeepStack == true ? $" (kept running; ./build.sh ComposeDown removes it)" : "");

        var timeout = build.WaitTimeout ?? 300;
        var clock = Stopwatch.StartNew();
        session.Watch = new StackWatch(project, stack);
        build.StackStarting(session.Watch);
        var up = await build.Processes.RunAsync("docker",
            session.Command.Arguments("up", "--detach", "--wait", "--wait-timeout", timeout.ToString(), "--no-build"),
            new ProcessOptions { Environment = build.ComposeEnvironment, ThrowOnError = false }, ct);

        var states = await new ProjectResources(docker, project).HealthAsync(stack, ct);
        var missing = stack.Services.Select(s => s.Name).Except(states.Select(s => s.Service)).ToList();
        var failed = states.Where(s => !s.IsUp).OrderBy(s => s.Blame).ToList();
        if (up.Succeeded && failed.Count == 0 && missing.Count == 0)
        {
            session.Watch.MarkAllUp();
            var ahead = headStart.Services is { Count: > 0 } early ? $"; {string.Join(", ", early)} started during the build, {headStart.Lead.TotalSeconds:0.0} s ahead" : "";
            build.ReportSummary($"{states.Count} services up ({project}){ahead}");
            return;
        }

        await session.Watch.StopAsync();
        await SaveLogsAsync(session.Command, states.Select(s => s.Service).Distinct(), ct);
        var timedOut = clock.Elapsed >= TimeSpan.FromSeconds(timeout);
        var failure = ComposeUpFailure.Explain(up.StandardError, timedOut, timeout, failed, missing, up.ExitCode);
        build.ReportSummary(failure.Summary);
        throw new TargetFailedException($"{failure.Message}{Environment.NewLine}Logs of every service: {(build.ArtifactsDirectory / "compose").RelativeTo(build.RootDirectory)}/");
    }

    /// <summary>
    /// The run's project: the stack's files, the image override (under .nuke/temp/compose, which records the project as
    /// started) and a project name of the run's own. ComposeUp and a head start use the same, so compose sees one project.
    /// </summary>
    internal static (ComposeCommand Command, AbsolutePath OverrideFile) Project(IComposeUp build, StackDefinition stack)
    {
        var project = DockerNames.Component($"{stack.Name}-{build.Context.RunId}");
        var overrideFile = build.StartedStacks.OverrideFile(project);
        var command = ComposeCommand.For(build);
        return (command with { Files = [.. command.Files, overrideFile], ProjectName = project }, overrideFile);
    }

    private async Task WarnOfEarlierStacksAsync(StartedStacks started, string current, Docker.DotNet.DockerClient docker, CancellationToken ct)
    {
        foreach (var project in started.Projects().Where(p => p != current))
            if ((await new ProjectResources(docker, project).LeftoversAsync(ct)).Count > 0)
                build.Log.Warning("Project {Project}, started by an earlier run of this checkout, is still up (kept with --keep-stack, or left by a run that was stopped); ./build.sh ComposeDown removes it", project);
    }

    /// <summary>The last lines of every service's log, to the console and to artifacts/compose/&lt;service&gt;.log.</summary>
    private async Task SaveLogsAsync(ComposeCommand command, IEnumerable<string> services, CancellationToken ct)
    {
        var directory = build.ArtifactsDirectory / "compose";
        Directory.CreateDirectory(directory);
        foreach (var service in services)
        {
            build.Log.Information("Last {Lines} log lines of {Service}:", IComposeUp.LogLines, service);
            var logs = await build.Processes.RunAsync("docker", command.Arguments("logs", "--no-color", "--tail", IComposeUp.LogLines.ToString(), service),
                new ProcessOptions { Environment = build.ComposeEnvironment, ThrowOnError = false }, ct);
            await File.WriteAllTextAsync(directory / $"{service}.log", build.Context.Masker.Apply(logs.StandardOutput + logs.StandardError), ct);
        }
    }
}
