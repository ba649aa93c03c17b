using Docker.DotNet;
using Serilog;
using Slipway.Build.Processes;
using Slipway.Containers.Engine;
using Slipway.Containers.Images;
using Slipway.Containers.Machine.Setup;

namespace Slipway.Containers.Machine.Checks;

/// <summary>Looks at the machine: files, the engine's API and the docker CLI plugins. Changes nothing.</summary>
public sealed class MachineProbe(ILogger log, ProcessRunner processes, IReadOnlyDictionary<string, string> environment)
{
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(5);

    public async Task<MachineState> ProbeAsync(IReadOnlyList<PlatformName> platforms, PlatformName native, CancellationToken ct)
    {
        var executables = new Executables(environment);
        var dockerCli = executables.Find("docker") is not null;
        // Each check is a process start or an API round trip: in parallel they cost the slowest one, which keeps a run on a ready machine short.
        var engineCheck = ProbeEngineAsync(ct);
        var buildxCheck = dockerCli ? PluginVersionAsync("buildx", ct) : Task.FromResult<Version?>(null);
        var composeCheck = dockerCli ? PluginVersionAsync("compose", ct) : Task.FromResult<Version?>(null);
        var (engine, containerdStore) = await engineCheck;
        var state = new MachineState
        {
            Os = OsRelease.Read(),
            IsRoot = Environment.IsPrivilegedProcess,
            OtherEngine = environment.GetValueOrDefault("DOCKER_HOST") is { Length: > 0 } host && !MachineState.DefaultEngineSockets.Contains(host) ? host : null,
            HasSystemd = ReadFirstLine("/proc/1/comm") == "systemd",
            DockerCliInstalled = dockerCli,
            DockerdInstalled = executables.Find("dockerd") is not null,
            Engine = engine,
            ContainerdImageStore = containerdStore,
            Buildx = await buildxCheck,
            Compose = await composeCheck,
            DaemonJson = File.Exists(DaemonJson.Path) ? await File.ReadAllTextAsync(DaemonJson.Path, ct) : null,
            BinfmtMounted = File.Exists(RegisterBinfmtStep.RegisterFile),
            Emulators = await ProbeEmulatorsAsync(platforms.Where(p => !p.RunsNativelyOn(native)).Distinct().ToList(), dockerCli, ct),
        };
        log.Information("Machine: {Os}{Root}; engine {Engine}{Store}; buildx {Buildx}; compose {Compose}; emulators: {Emulators}",
            state.Os?.PrettyName ?? "no /etc/os-release", state.IsRoot ? " as root" : "",
            engine is null ? "not answering" : ToolVersion.Format(engine),
            containerdStore switch { true => " (containerd image store)", false => " (classic image store)", null => "" },
            Describe(state.Buildx), Describe(state.Compose),
            state.Emulators.Count == 0 ? "none needed" : string.Join(", ", state.Emulators.Select(e => $"{e.Platform} {e.Status.ToString().ToLowerInvariant()}")));
        return state;
    }

    private async Task<(Version? Engine, bool? ContainerdStore)> ProbeEngineAsync(CancellationToken ct)
    {
        using var client = DockerEngine.Connect();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(PingTimeout);
        try
        {
            await client.System.PingAsync(timeout.Token);
            var version = await client.System.GetVersionAsync(timeout.Token);
            var info = await client.System.GetSystemInfoAsync(timeout.Token);
            var store = ImageStore.IsContainerd(info.DriverStatus);
            return (ToolVersion.Parse(version.Version), store);
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException or TimeoutException
                                      or System.Net.Sockets.SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            log.Information("The Docker engine does not answer: {Reason}", e.Message);
            return (null, null);
        }
    }

    private async Task<Version?> PluginVersionAsync(string plugin, CancellationToken ct)
    {
        var result = await processes.RunAsync("docker", [plugin, "version"], new ProcessOptions { ThrowOnError = false, Quiet = true }, ct);
        return result.Succeeded ? ToolVersion.Parse(result.StandardOutput) : null;
    }

    private async Task<IReadOnlyList<EmulatorState>> ProbeEmulatorsAsync(IReadOnlyList<PlatformName> foreign, bool dockerCli, CancellationToken ct)
    {
        if (foreign.Count == 0 || OperatingSystem.IsLinux() || !dockerCli) return foreign.Select(ProbeEmulator).ToList();

        // Elsewhere (Docker Desktop) the emulators live in the engine's VM: ask the builder what it can build for.
        var inspect = await processes.RunAsync("docker", ["buildx", "inspect", "--bootstrap"], new ProcessOptions { ThrowOnError = false, Quiet = true }, ct);
        var supported = inspect.Succeeded ? BuildxPlatforms.Parse(inspect.StandardOutput) : new HashSet<PlatformName>();
        return foreign.Select(p => new EmulatorState(p, supported.Contains(p) ? EmulatorStatus.Enabled : EmulatorStatus.Missing, false)).ToList();
    }

    private static EmulatorState ProbeEmulator(PlatformName platform)
    {
        var handler = new EmulatorState(platform, EmulatorStatus.Missing, false);
        var status = ReadFirstLine(handler.HandlerFile) switch
        {
            "enabled" => EmulatorStatus.Enabled,
            "disabled" => EmulatorStatus.Disabled,
            _ => EmulatorStatus.Missing,
        };
        return handler with { Status = status, ConfigurationInstalled = File.Exists(handler.ConfigurationFile) };
    }

    private static string? ReadFirstLine(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadLines(path).FirstOrDefault()?.Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string Describe(Version? version) => version is null ? "missing" : ToolVersion.Format(version);
}
