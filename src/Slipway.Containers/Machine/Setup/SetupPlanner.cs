using Slipway.Containers.Machine.Checks;

namespace Slipway.Containers.Machine.Setup;

/// <summary>From what the machine has to what to do about it. Pure: the same state always gives the same plan.</summary>
public static class SetupPlanner
{
    public const string QemuPackage = "qemu-user-static";

    public static SetupPlan Plan(MachineState state)
    {
        var problems = new List<string>();
        var steps = new List<SetupStep>();

        var engineTooOld = state.Engine is { } engine && !ToolVersion.IsAtLeast(engine, ToolVersion.MinimumEngine);
        if (!state.DockerCliInstalled) problems.Add("the docker CLI is not installed");
        if (!state.DockerdInstalled) problems.Add("the Docker engine (dockerd) is not installed");
        if (engineTooOld) problems.Add($"the Docker engine is {ToolVersion.Format(state.Engine!)}, older than {ToolVersion.Format(ToolVersion.MinimumEngine)}");
        CheckTool("buildx", state.Buildx, ToolVersion.MinimumBuildx, problems);
        CheckTool("compose", state.Compose, ToolVersion.MinimumCompose, problems);
        var needsDocker = problems.Count > 0;

        var emulators = state.Emulators.Where(e => e.Status != EmulatorStatus.Enabled).ToList();
        var needsQemu = emulators.Any(e => e.Status == EmulatorStatus.Missing && !e.ConfigurationInstalled);
        foreach (var emulator in emulators)
            problems.Add(emulator.Status == EmulatorStatus.Disabled
                ? $"the binfmt handler {emulator.Platform.QemuHandler} for {emulator.Platform} is disabled"
                : $"no binfmt handler for {emulator.Platform} ({emulator.Platform.QemuHandler}): its binaries cannot run here");

        List<string> packages = [];
        if (needsDocker || needsQemu)
        {
            if (AptPackages.Supports(state.Os))
            {
                var others = needsQemu ? new[] { QemuPackage } : [];
                steps.AddRange(AptPackages.InstallSteps(state.Os!, needsDocker, others));
                if (needsDocker) packages.AddRange(AptPackages.DockerPackages(state.Os!));
                packages.AddRange(others);
            }
            else
            {
                if (needsDocker)
                    steps.Add(new ManualStep($"install the Docker engine ≥ {ToolVersion.Format(ToolVersion.MinimumEngine)} with buildx ≥ {ToolVersion.Format(ToolVersion.MinimumBuildx)} and compose ≥ {ToolVersion.Format(ToolVersion.MinimumCompose)} (https://docs.docker.com/engine/install/)"));
                if (needsQemu)
                    steps.Add(new ManualStep("install QEMU's static user-mode emulators and their binfmt.d files (Debian's package: qemu-user-static)"));
            }
        }

        if (emulators.Count > 0 && !state.BinfmtMounted)
            steps.Add(new CommandStep("mount the binfmt_misc file system", "mount", ["-t", "binfmt_misc", "binfmt_misc", EmulatorState.BinfmtDirectory]));
        foreach (var emulator in emulators)
            steps.Add(emulator.Status == EmulatorStatus.Disabled
                ? new WriteFileStep($"enable the {emulator.Platform.QemuHandler} binfmt handler", emulator.HandlerFile, "1")
                : new RegisterBinfmtStep($"register {emulator.Platform.QemuHandler} for {emulator.Platform} (flag F: the emulator works inside containers)", emulator.ConfigurationFile));

        var storeOn = state.ContainerdImageStore == true;
        if (state.ContainerdImageStore == false) problems.Add("the engine does not use the containerd image store, which multi-platform --load needs");
        var daemonJsonChanged = !storeOn && !DaemonJson.EnablesContainerdSnapshotter(state.DaemonJson);
        if (daemonJsonChanged)
            steps.Add(new WriteFileStep("turn on the containerd image store", DaemonJson.Path, DaemonJson.WithContainerdSnapshotter(state.DaemonJson)));

        if (!state.EngineReachable)
        {
            if (state.DockerdInstalled) problems.Add("the Docker engine does not answer");
            steps.Add(new StartDockerdStep("start the Docker engine", state.HasSystemd));
        }
        else if (engineTooOld || !storeOn)
        {
            steps.Add(new StopDockerdStep("stop the Docker engine, to restart it " + (engineTooOld ? "as the new version" : "with the containerd image store"), state.HasSystemd));
            steps.Add(new StartDockerdStep("start the Docker engine", state.HasSystemd));
        }

        return new SetupPlan(problems, steps, packages);
    }

    /// <summary>The plan for one more package a later step needs, e.g. debootstrap to seed a base image.</summary>
    public static SetupPlan PlanPackage(MachineState state, string package, string neededFor) =>
        new([$"{package} is not installed (needed {neededFor})"],
            AptPackages.Supports(state.Os) ? AptPackages.InstallSteps(state.Os!, docker: false, [package]) : [new ManualStep($"install {package}")],
            [package]);

    private static void CheckTool(string name, Version? version, Version minimum, List<string> problems)
    {
        if (version is null) problems.Add($"docker {name} is not installed (need ≥ {ToolVersion.Format(minimum)})");
        else if (!ToolVersion.IsAtLeast(version, minimum)) problems.Add($"docker {name} is {ToolVersion.Format(version)}, older than {ToolVersion.Format(minimum)}");
    }
}
