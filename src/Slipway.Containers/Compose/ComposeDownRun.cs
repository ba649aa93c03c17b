using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Build.Processes;
using Slipway.Containers.Engine;

namespace Slipway.Containers.Compose;

/// <summary>
/// One run of ComposeDown: this run's stack, and every earlier stack of this checkout that is still recorded as started
/// (kept with --keep-stack, or left by a run that was killed), down with their networks and volumes.
/// </summary>
internal sealed class ComposeDownRun(IComposeUp build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var session = build.Context.State<ComposeSession>();
        // A start still under way would race the removal.
        if (session.HeadStart is { } headStart) await headStart.FinishAsync();
        if (session.Watch is { } watch) await watch.StopAsync();
        var current = session.Command?.ProjectName;
        var started = build.StartedStacks;
        var earlier = started.Projects().Where(p => p != current).ToList();
        using var docker = DockerEngine.Connect();

        if (session.Command is { } command)
        {
            // This run's stack is thrown away with its volumes: a graceful stop would only wait, so its containers are killed at once.
            await DownAsync(command.Arguments("down", "--volumes", "--remove-orphans", "--timeout", "0"), current!, docker, ct);
            session.Command = null;
        }

        // compose finds a project's containers, networks and volumes by its label, so an earlier project needs only its name.
        foreach (var project in earlier)
            await DownAsync(["compose", "-p", project, "down", "--volumes", "--remove-orphans", "--timeout", "10"], project, docker, ct);

        build.ReportSummary(string.Join("; ", new[]
        {
            current is null ? null : $"{current} removed",
            earlier.Count == 0 ? null : $"earlier stacks of this checkout removed: {string.Join(", ", earlier)}",
        }.OfType<string>()));
    }

    private async Task DownAsync(IReadOnlyList<string> arguments, string project, Docker.DotNet.DockerClient docker, CancellationToken ct)
    {
        await build.Processes.RunAsync("docker", arguments, new ProcessOptions { Environment = build.ComposeEnvironment }, ct);
        var leftovers = await new ProjectResources(docker, project).LeftoversAsync(ct);
        if (leftovers.Count > 0)
            throw new TargetFailedException($"compose down left resources of {project} behind: {string.Join(", ", leftovers)}");
        build.StartedStacks.Forget(project);
    }
}
