using Slipway.Containers.Images;

namespace Slipway.Containers.Machine.Checks;

/// <summary>What Restore found on the machine: the facts the setup plan is made from, gathered by <see cref="MachineProbe"/>.</summary>
public sealed record MachineState
{
    /// <summary>/etc/os-release; null where there is none.</summary>
    public OsRelease? Os { get; init; }

    public bool IsRoot { get; init; }

    /// <summary>PID 1 is systemd, so services are started with systemctl.</summary>
    public bool HasSystemd { get; init; }

    /// <summary>The DOCKER_HOST of an engine other than the machine's own, whose settings and service Restore does not know.</summary>
    public string? OtherEngine { get; init; }

    public static readonly IReadOnlySet<string> DefaultEngineSockets = new HashSet<string> { "unix:///var/run/docker.sock", "unix:///run/docker.sock" };

    public bool DockerCliInstalled { get; init; }
    public bool DockerdInstalled { get; init; }

    /// <summary>The engine's version when its API answered a ping; null when it did not.</summary>
    public Version? Engine { get; init; }

    public Version? Buildx { get; init; }
    public Version? Compose { get; init; }

    /// <summary>Whether the engine uses the containerd image store; null when the engine did not answer.</summary>
    public bool? ContainerdImageStore { get; init; }

    /// <summary>The text of /etc/docker/daemon.json; null when there is none.</summary>
    public string? DaemonJson { get; init; }

    /// <summary>/proc/sys/fs/binfmt_misc is mounted.</summary>
    public bool BinfmtMounted { get; init; }

    /// <summary>One entry per requested platform that this machine cannot run natively.</summary>
    public IReadOnlyList<EmulatorState> Emulators { get; init; } = [];

    public bool EngineReachable => Engine is not null;
}

public enum EmulatorStatus
{
    Enabled,
    Disabled,
    Missing,
}

/// <summary>A foreign platform's binfmt handler, and whether QEMU's registration file for it is installed.</summary>
public sealed record EmulatorState(PlatformName Platform, EmulatorStatus Status, bool ConfigurationInstalled)
{
    public const string BinfmtDirectory = "/proc/sys/fs/binfmt_misc";
    public const string ConfigurationDirectory = "/usr/lib/binfmt.d";

    public string HandlerFile => $"{BinfmtDirectory}/{Platform.QemuHandler}";
    public string ConfigurationFile => $"{ConfigurationDirectory}/{Platform.QemuHandler}.conf";
}
