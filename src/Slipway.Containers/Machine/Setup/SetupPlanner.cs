using Slipway.Containers.Machine.Checks;

namespace Slipway.Containers.Machine.Setup;

/// <summary>From what the machine has to what to do about it. Pure: the same state and request always give the same plan.</summary>
public static class SetupPlanner
{
    public const string QemuPackage = "qemu-user-static";
    public const string ConsentParameter = "--allow-engine-restart";

    public static SetupPlan Plan(MachineState state, SetupRequest request)
    {
        var problems = new List<string>();
        var steps = new List<SetupStep>();
        var os = AptPackages.Supports(state.Os) ? state.Os : null;
        var packages = new List<AptPackage>();
        var manual = new List<string>();

        // An engine Restore installs now is new: it has no images to hide, so it gets the containerd store from its first start.
        var installsEngine = !state.DockerdInstalled && state.OtherEngine is null;
        if (installsEngine)
        {
            problems.Add("the Docker engine (dockerd) is not installed");
            if (os is not null) packages.AddRange(AptPackages.Engine(os));
        }
        else if (!state.DockerCliInstalled && os is not null)
            packages.Add(AptPackages.Cli(os));

        if (!state.DockerCliInstalled) problems.Add("the docker CLI is not installed");
        if (state.Engine is { } engine && !ToolVersion.IsAtLeast(engine, ToolVersion.MinimumEngine))
            Outdated($"the Docker engine is {ToolVersion.Format(engine)}", "the Docker engine", ToolVersion.MinimumEngine);
        CheckPlugin("buildx", state.Buildx, ToolVersion.MinimumBuildx, os is null ? null : AptPackages.Buildx(os));
        CheckPlugin("compose", state.Compose, ToolVersion.MinimumCompose, os is null ? null : AptPackages.Compose(os));

        var emulators = state.Emulators.Where(e => e.Status != EmulatorStatus.Enabled).ToList();
        if (emulators.Any(e => e.Status == EmulatorStatus.Missing && !e.ConfigurationInstalled))
        {
            if (os is not null) packages.Add(new AptPackage(QemuPackage));
            else manual.Add("install QEMU's static user-mode emulators and their binfmt.d files (Debian's package: qemu-user-static)");
        }

        foreach (var emulator in emulators)
            problems.Add(emulator.Status == EmulatorStatus.Disabled
                ? $"the binfmt handler {emulator.Platform.QemuHandler} for {emulator.Platform} is disabled"
                : $"no binfmt handler for {emulator.Platform} ({emulator.Platform.QemuHandler}): its binaries cannot run here");

        if (os is null && (installsEngine || !state.DockerCliInstalled || state.Buildx is null || state.Compose is null))
            manual.Add($"install the Docker engine ≥ {ToolVersion.Format(ToolVersion.MinimumEngine)} with buildx ≥ {ToolVersion.Format(ToolVersion.MinimumBuildx)} and compose ≥ {ToolVersion.Format(ToolVersion.MinimumCompose)} (https://docs.docker.com/engine/install/)");

        var daemonJsonOn = DaemonJson.EnablesContainerdSnapshotter(state.DaemonJson);
        var storeStep = daemonJsonOn ? null : new WriteFileStep("turn on the containerd image store", DaemonJson.Path, DaemonJson.WithContainerdSnapshotter(state.DaemonJson));
        if (installsEngine && storeStep is not null) steps.Add(storeStep); // before the install: a package that starts the engine starts it with the store
        if (packages.Count > 0) steps.AddRange(AptPackages.InstallSteps(os!, packages, "install " + string.Join(", ", packages.Select(p => p.Name))));
        steps.AddRange(manual.Select(m => new ManualStep(m)));

        if (emulators.Count > 0 && !state.BinfmtMounted)
            steps.Add(new CommandStep("mount the binfmt_misc file system", "mount", ["-t", "binfmt_misc", "binfmt_misc", EmulatorState.BinfmtDirectory]));
        foreach (var emulator in emulators)
            steps.Add(emulator.Status == EmulatorStatus.Disabled
                ? new WriteFileStep($"enable the {emulator.Platform.QemuHandler} binfmt handler", emulator.HandlerFile, "1")
                : new RegisterBinfmtStep($"register {emulator.Platform.QemuHandler} for {emulator.Platform} (flag F: the emulator works inside containers)", emulator.ConfigurationFile));

        // The user's engine: its store is switched, or it is restarted, only with consent; one at another DOCKER_HOST is the user's to change.
        string? consent = null;
        var storeOff = !(state.ContainerdImageStore ?? daemonJsonOn);
        if (!installsEngine && request.NeedsContainerdImageStore && storeOff)
        {
            problems.Add("the engine uses the classic image store, and loading images for more than one platform needs the containerd image store");
            if (state.OtherEngine is { } host)
                steps.Add(new ManualStep($"turn on the containerd image store of the engine at {host} (\"features\": {{\"containerd-snapshotter\": true}} in its daemon.json) and restart it"));
            else
            {
                if (storeStep is not null) steps.Add(storeStep);
                consent = "switching the engine to the containerd image store hides every image of its classic store";
                if (state.EngineReachable)
                {
                    consent += ", and restarting it stops its running containers";
                    steps.Add(new StopDockerdStep("stop the Docker engine, to restart it with the containerd image store", state.HasSystemd));
                    steps.Add(new StartDockerdStep("start the Docker engine", state.HasSystemd));
                }
            }
        }

        if (!state.EngineReachable)
        {
            if (!installsEngine) problems.Add(state.OtherEngine is { } host ? $"the Docker engine at {host} (DOCKER_HOST) does not answer" : "the Docker engine does not answer");
            if (state.OtherEngine is { } other) steps.Add(new ManualStep($"start the Docker engine at {other}, or unset DOCKER_HOST to use this machine's own"));
            else if (!steps.OfType<StartDockerdStep>().Any()) steps.Add(new StartDockerdStep("start the Docker engine", state.HasSystemd));
        }

        return new SetupPlan(problems, steps, packages.Select(p => p.Name).ToList(), request.MayChangeEngine ? null : consent);

        void Outdated(string problem, string what, Version minimum)
        {
            problems.Add($"{problem}, older than {ToolVersion.Format(minimum)}");
            manual.Add($"upgrade {what} to {ToolVersion.Format(minimum)} or later (Restore never replaces an installed package)");
        }

        void CheckPlugin(string name, Version? version, Version minimum, AptPackage? package)
        {
            if (version is null)
            {
                problems.Add($"docker {name} is not installed (need ≥ {ToolVersion.Format(minimum)})");
                if (package is not null) packages.Add(package);
            }
            else if (!ToolVersion.IsAtLeast(version, minimum))
                Outdated($"docker {name} is {ToolVersion.Format(version)}", $"docker {name}", minimum);
        }
    }

    /// <summary>The plan for packages a later step or the tests need, e.g. debootstrap to seed a base image.</summary>
    public static SetupPlan PlanPackages(MachineState state, IReadOnlyList<AptPackage> packages, string neededFor)
    {
        var names = string.Join(", ", packages.Select(p => p.Name));
        return new SetupPlan(
            [$"{names} {(packages.Count == 1 ? "is" : "are")} not installed (needed {neededFor})"],
            AptPackages.Supports(state.Os) ? AptPackages.InstallSteps(state.Os!, packages, "install " + names) : [new ManualStep($"install {names}")],
            packages.Select(p => p.Name).ToList(),
            ConsentNeeded: null);
    }
}
