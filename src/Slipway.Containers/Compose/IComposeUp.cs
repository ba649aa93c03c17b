using Slipway.Build;
using Slipway.Build.Execution;
using Slipway.Build.Processes;
using Slipway.Containers.Building;
using Slipway.Containers.Engine;
using Slipway.Containers.Images;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Compose;

/// <summary>Starts the stack from the built images under its own project name, waits for health, and always takes it down.</summary>
public interface IComposeUp : IBuildImages
{
    const int LogLines = 200;

    [Parameter("Seconds to wait for every service to be healthy (compose up --wait-timeout)")]
    int? WaitTimeout => TryGetValue<int?>(() => WaitTimeout);

    [Parameter("Leave the stack running when the run ends (ComposeDown is skipped)")]
    bool? KeepStack => TryGetValue<bool?>(() => KeepStack);

    Target ComposeUp => _ => _
        .Description("Starts the stack from the built images and waits until every service is healthy")
        .DependsOn<IBuildImages>(x => x.BuildImages)
        .Consumes<IBuildImages>(x => x.BuildImages)
        .Triggers<IComposeUp>(x => x.ComposeDown)
        .Produces("artifacts/compose/**")
        .Validates(() => ComposeInputs.Validate(this))
        .Executes(async ct =>
        {
            var report = BuildReport.Load(BuildReportFile);
            var stackCommand = ComposeCommand.For(this);
            var environment = ComposeEnvironment;
            var stack = await LoadStackAsync(ct);
            var project = ImageNaming.Sanitize($"{stack.Name}-{Context.RunId}", allowSlash: false);
            var overrideFile = TemporaryDirectory / "compose" / $"{project}.images.yaml";
            Directory.CreateDirectory(overrideFile.Parent!);
            File.WriteAllText(overrideFile, ImagePinning.Override(report));

            var session = Context.State<ComposeSession>();
            session.Stack = stack;
            session.Command = stackCommand with { Files = [.. stackCommand.Files, overrideFile], ProjectName = project };
            Log.Information("Starting project {Project}{Hint}", project, KeepStack == true ? $" (kept running; stop it with: docker compose -p {project} down -v)" : "");

            var timeout = WaitTimeout ?? 300;
            var up = await Processes.RunAsync("docker",
                session.Command.Arguments("up", "--detach", "--wait", "--wait-timeout", timeout.ToString(), "--no-build"),
                new ProcessOptions { Environment = environment, ThrowOnError = false }, ct);

            using var docker = DockerEngine.Connect();
            var oneShot = stack.Services.SelectMany(s => s.DependsOn).Where(d => d.Value == "service_completed_successfully").Select(d => d.Key).ToHashSet();
            var states = (await new ProjectResources(docker, project).ContainersAsync(ct))
                .Select(c => ServiceHealth.From(c, oneShot.Contains(ProjectResources.ServiceOf(c)))).ToList();
            var missing = stack.Services.Select(s => s.Name).Except(states.Select(s => s.Service)).ToList();
            var failed = states.Where(s => !s.IsUp).OrderBy(s => s.Blame).ToList();
            if (up.Succeeded && failed.Count == 0 && missing.Count == 0)
            {
                ReportSummary($"{states.Count} services up ({project})");
                return;
            }

            await SaveLogsAsync(session.Command, states.Select(s => s.Service).Distinct(), environment, ct);
            var reasons = failed.Select(f => f.Describe()).Concat(missing.Select(m => $"{m}: no container was created")).ToList();
            if (reasons.Count == 0) reasons.Add($"compose up exited with code {up.ExitCode}");
            ReportSummary($"failed: {string.Join(", ", failed.Select(f => f.Service).Concat(missing))}");
            throw new TargetFailedException(
                $"The stack did not become healthy within {timeout} s:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", reasons)}" +
                $"{Environment.NewLine}Logs of every service: {(ArtifactsDirectory / "compose").RelativeTo(RootDirectory)}/");
        });

    Target ComposeDown => _ => _
        .Description("Stops the stack and removes its containers, networks and volumes")
        .AssuredAfterFailure()
        .OnlyWhenStatic(() => KeepStack != true)
        .OnlyWhenDynamic(() => Context.State<ComposeSession>().Command != null)
        .Executes(async ct =>
        {
            var session = Context.State<ComposeSession>();
            var command = session.Command!;
            await Processes.RunAsync("docker", command.Arguments("down", "--volumes", "--remove-orphans", "--timeout", "10"),
                new ProcessOptions { Environment = ComposeEnvironment }, ct);
            using var docker = DockerEngine.Connect();
            var leftovers = await new ProjectResources(docker, command.ProjectName!).LeftoversAsync(ct);
            if (leftovers.Count > 0)
                throw new TargetFailedException($"compose down left resources of {command.ProjectName} behind: {string.Join(", ", leftovers)}");
            File.Delete(command.Files[^1]);
            session.Command = null;
            ReportSummary($"{command.ProjectName} removed");
        });

    /// <summary>The last lines of every service's log, to the console and to artifacts/compose/&lt;service&gt;.log.</summary>
    async Task SaveLogsAsync(ComposeCommand command, IEnumerable<string> services, IReadOnlyDictionary<string, string?> environment, CancellationToken ct)
    {
        var directory = ArtifactsDirectory / "compose";
        Directory.CreateDirectory(directory);
        foreach (var service in services)
        {
            Log.Information("Last {Lines} log lines of {Service}:", LogLines, service);
            var logs = await Processes.RunAsync("docker", command.Arguments("logs", "--no-color", "--tail", LogLines.ToString(), service),
                new ProcessOptions { Environment = environment, ThrowOnError = false }, ct);
            await File.WriteAllTextAsync(directory / $"{service}.log", Context.Masker.Apply(logs.StandardOutput + logs.StandardError), ct);
        }
    }
}
