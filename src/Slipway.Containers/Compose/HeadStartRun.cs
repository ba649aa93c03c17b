using Slipway.Build.Processes;
using Slipway.Containers.Images;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Compose;

/// <summary>
/// Starts services while the other images still build, when ComposeUp is in the run: those that build nothing and those
/// whose images are loaded, with their dependencies. They run under the project and image override ComposeUp then uses,
/// so compose leaves them as they are. The images are this run's, on this machine; nothing is pushed.
/// </summary>
internal sealed class HeadStartRun(IComposeUp build)
{
    /// <param name="bakeRunning">A bake still runs, if only to export its layer cache.</param>
    public async Task StartAsync(IReadOnlyList<BuiltImage> images, IReadOnlyList<string> stillBuilding, bool bakeRunning, CancellationToken ct)
    {
        if (!bakeRunning || !build.Context.Scheduled.Contains(nameof(IComposeUp.ComposeUp))) return;
        var stack = await build.LoadStackAsync(ct);
        var session = build.Context.State<ComposeSession>();
        var (command, overrideFile) = ComposeUpRun.Project(build, stack);
        lock (session)
        {
            var head = session.HeadStart ?? new HeadStart();
            if (!head.Queue(images, loaded => HeadStartPlan.Startable(stack, loaded),
                    (loaded, services) => UpAsync(command, overrideFile, stack, loaded, services, stillBuilding))) return;
            // From here ComposeDown takes the project down, whatever happens to the build.
            session.HeadStart = head;
            session.Stack = stack;
            session.Command = command;
        }
    }

    private async Task UpAsync(ComposeCommand command, string overrideFile, StackDefinition stack, IReadOnlyList<BuiltImage> loaded,
        IReadOnlyList<string> services, IReadOnlyList<string> stillBuilding)
    {
        build.Log.Information("Starting {Services} of {Project} while {Building}", string.Join(", ", services), command.ProjectName,
            stillBuilding.Count > 0 ? $"{string.Join(", ", stillBuilding)} build" : "the bake exports its layer cache");
        // The override file is also the record that the project was started (see StartedStacks), so it is written first.
        Directory.CreateDirectory(Path.GetDirectoryName(overrideFile)!);
        await File.WriteAllTextAsync(overrideFile, ImagePinning.Override(loaded, stack, ephemeralPorts: build.KeepStack != true));
        ProcessResult up;
        try
        {
            up = await build.Processes.RunAsync("docker",
                // No --wait: ComposeUp's own up waits for health, and would otherwise wait for this one first.
                command.Arguments(["up", "--detach", "--no-build", .. services]),
                new ProcessOptions { Environment = build.ComposeEnvironment, ThrowOnError = false, Quiet = true }, build.Context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The run was stopped: ComposeDown, which waits for this, takes down what compose got to start.
            return;
        }
        if (up.Succeeded) build.Log.Information("{Services} started ahead of ComposeUp", string.Join(", ", services));
        else build.Log.Warning("Starting {Services} early failed; ComposeUp starts the whole stack and explains what fails", string.Join(", ", services));
    }
}
