using Serilog;
using Slipway.Build.Execution;
using Slipway.Build.Processes;
using Slipway.Build;
using Slipway.Containers.Engine;
using Slipway.Containers.Images;
using Slipway.Containers.Machine.BaseImages;
using Slipway.Containers.Machine.Checks;
using Slipway.Containers.Machine.Languages;
using Slipway.Containers.Machine.Setup;
using Slipway.Containers.Stacks;

namespace Slipway.Containers.Machine;

/// <summary>One run of the Restore target: the machine, then the base images, then the language restores.</summary>
internal sealed class RestoreRun(IRestore build, bool noInstall)
{
    private const string ContinuousIntegration = "CI";

    private readonly ILogger _log = build.Log;
    private readonly ProcessRunner _processes = build.Processes;
    private readonly List<string> _changes = [];

    public async Task RunAsync(CancellationToken ct)
    {
        var native = PlatformName.Native;
        var platforms = ParsePlatforms(build.Platforms);
        var probe = new MachineProbe(_log, _processes, build.Context.Environment);
        var state = await probe.ProbeAsync(platforms, native, ct);
        var request = new SetupRequest
        {
            NeedsContainerdImageStore = platforms.Count > 1,
            MayChangeEngine = build.AllowEngineRestart ?? build.Context.Environment.GetValueOrDefault(ContinuousIntegration) is "true" or "1",
        };
        state = await MakeReadyAsync(probe, state, request, platforms, native, ct);

        var stack = await build.LoadStackAsync(ct);
        await RestoreBaseImagesAsync(stack, state, platforms, native, ct);

        var roots = stack.BuiltServices.Select(s => s.Build!.Context).Concat(build.ComposeFiles.Select(f => f.Parent!.Value));
        var projects = StackProjects.Find(roots);
        _changes.AddRange(await new LanguageRestorer(_log, _processes, build.TemporaryDirectory / "restore").RestoreAsync(projects, ct));

        build.ReportSummary($"ready: engine {ToolVersion.Format(state.Engine!)}, buildx {ToolVersion.Format(state.Buildx!)}, compose {ToolVersion.Format(state.Compose!)}; "
                            + (_changes.Count == 0 ? "nothing installed" : "did: " + string.Join(", ", _changes)));
    }

    /// <summary>Installs the tools among <paramref name="tools"/> that this machine lacks, by the same rules as the engine's packages.</summary>
    public async Task RestoreToolsAsync(IReadOnlyList<RequiredTool> tools, string neededFor, CancellationToken ct)
    {
        var missing = tools.Where(t => build.Context.Executables.Find(t.Command) is null).ToList();
        if (missing.Count == 0)
        {
            _log.Information("Installed already: {Tools}", string.Join(", ", tools.Select(t => t.Command)));
            return;
        }

        var state = new MachineState { Os = Images.OsRelease.Read(), IsRoot = Environment.IsPrivilegedProcess };
        var packages = missing.Select(t => t.FromNewerRelease && state.Os is { } os ? AptPackages.Newer(os, t.Package) : new AptPackage(t.Package)).Distinct().ToList();
        await RunPlanAsync(SetupPlanner.PlanPackages(state, packages, neededFor), state, ct);
        if (missing.FirstOrDefault(t => build.Context.Executables.Find(t.Command) is null) is { } still)
            throw new TargetFailedException($"{still.Command} is still missing after installing {still.Package}.");
    }

    private async Task<MachineState> MakeReadyAsync(MachineProbe probe, MachineState state, SetupRequest request, IReadOnlyList<PlatformName> platforms, PlatformName native, CancellationToken ct)
    {
        var plan = SetupPlanner.Plan(state, request);
        if (plan.IsEmpty) return state;
        await RunPlanAsync(plan, state, ct);

        var after = await probe.ProbeAsync(platforms, native, ct);
        var left = SetupPlanner.Plan(after, request);
        if (!left.IsEmpty)
            throw new TargetFailedException("The machine is still not ready after setup:\n" + string.Join('\n', left.Problems.Select(p => "  - " + p)));
        return after;
    }

    private async Task RunPlanAsync(SetupPlan plan, MachineState state, CancellationToken ct)
    {
        foreach (var problem in plan.Problems) _log.Information("Missing: {Problem}", problem);
        if (plan.WhyNotHere(state, noInstall) is { } why) throw new TargetFailedException(plan.Instructions(why));
        await new SetupRunner(_log, _processes).RunAsync(plan.Steps, ct);
        _changes.AddRange(plan.Packages.Count > 0 ? ["installed " + string.Join(' ', plan.Packages)] : []);
        _changes.AddRange(plan.Steps.Where(s => s is RegisterBinfmtStep or StartDockerdStep or StopDockerdStep or WriteFileStep { Path: DaemonJson.Path }).Select(s => s.Description));
    }

    private async Task RestoreBaseImagesAsync(StackDefinition stack, MachineState state, IReadOnlyList<PlatformName> platforms, PlatformName native, CancellationToken ct)
    {
        var froms = new List<(string Dockerfile, FromImage From)>();
        foreach (var service in stack.BuiltServices)
        {
            var dockerfile = Path.GetFullPath(Path.Combine(service.Build!.Context, service.Build.Dockerfile));
            if (!File.Exists(dockerfile))
                throw new TargetFailedException($"Service '{service.Name}': its Dockerfile {dockerfile} (build.dockerfile, relative to build.context) does not exist.");
            var parsed = DockerfileFroms.Parse(await File.ReadAllTextAsync(dockerfile, ct), service.Build.Args);
            foreach (var unresolved in parsed.Unresolved)
                _log.Warning("{Dockerfile} {Unresolved}: its base image is not checked", dockerfile, unresolved);
            froms.AddRange(parsed.Images.Select(image => (dockerfile, image)));
        }

        using var docker = DockerEngine.Connect();
        var restorer = new BaseImageRestorer(_log, _processes, docker);
        foreach (var need in BaseImageNeeds.Collect(froms, platforms, native))
        {
            var missing = await restorer.MissingPlatformsAsync(need, ct);
            if (missing.Count == 0)
            {
                _log.Information("Base image {Image} is present for {Platforms}", need.Image, string.Join(", ", need.Platforms));
                continue;
            }

            _log.Information("Base image {Image} is missing for {Platforms}", need.Image, string.Join(", ", missing));
            if (await restorer.TryPullAsync(need, missing, ct))
            {
                _changes.Add($"pulled {need.Image}");
                continue;
            }

            var suite = DebianSlim.Suite(need.Image) ?? throw BaseImageRestorer.Unavailable(need, missing);
            await SeedAsync(need, suite, state, ct);
            var left = await restorer.MissingPlatformsAsync(need, ct);
            if (left.Count > 0) throw BaseImageRestorer.Unavailable(need, left);
            _changes.Add($"seeded {need.Image} ({string.Join(", ", need.Platforms)})");
        }
    }

    private async Task SeedAsync(BaseImageNeed need, string suite, MachineState state, CancellationToken ct)
    {
        if (build.Context.Executables.Find("debootstrap") is null)
            await RunPlanAsync(SetupPlanner.PlanPackages(state, [new AptPackage("debootstrap")], $"to make {need.Image}, which cannot be pulled"), state, ct);
        if (!state.IsRoot)
            throw new TargetFailedException($"{need.Image} cannot be pulled, and making it with debootstrap needs root: run Restore as root.");
        await new DebianSeeder(_log, _processes, build.TemporaryDirectory / "debian-rootfs").SeedAsync(suite, need.Platforms, need.Image, ct);
    }

    private static List<PlatformName> ParsePlatforms(IReadOnlyList<string> platforms)
    {
        try
        {
            return platforms.Select(PlatformName.Parse).Distinct().ToList();
        }
        catch (FormatException e)
        {
            throw new ParameterException($"Parameter 'Platform': {e.Message}");
        }
    }
}
