using Docker.DotNet.Models;

namespace Slipway.Containers.Compose;

/// <summary>A service container's state as the engine reports it, and whether that counts as up.</summary>
public sealed record ServiceHealth(string Service, string State, long ExitCode, long RestartCount, string? Health, IReadOnlyList<string> LastProbes, bool IsOneShot)
{
    /// <summary>Healthy when it has a healthcheck; running when it has none; exited 0 when it is a one-shot job others wait for.</summary>
    public bool IsUp => State switch
    {
        "running" => Health is null or "healthy",
        "exited" => IsOneShot && ExitCode == 0,
        _ => false,
    };

    public static ServiceHealth From(ContainerInspectResponse container, bool isOneShot) => new(
        ProjectResources.ServiceOf(container),
        container.State?.Status ?? "unknown",
        container.State?.ExitCode ?? -1,
        container.RestartCount,
        container.State?.Health?.Status,
        (container.State?.Health?.Log ?? []).TakeLast(3).Select(l => $"exit {l.ExitCode}: {l.Output?.Trim()}").ToList(),
        isOneShot);

    public string Describe()
    {
        var text = State switch
        {
            "created" => $"{Service}: not started (it waits for services it depends on)",
            "exited" => $"{Service}: exited with code {ExitCode}",
            _ => $"{Service}: {State}" + (Health is { } h ? $", {h}" : ""),
        };
        if (RestartCount > 0) text += $", restarted {RestartCount} times (last exit code {ExitCode})";
        return LastProbes.Count == 0 ? text : text + Environment.NewLine + string.Join(Environment.NewLine, LastProbes.Select(p => "    probe " + p));
    }

    /// <summary>Services that failed on their own come before those that only wait for them.</summary>
    public int Blame => State == "created" ? 2 : RestartCount > 0 || State == "exited" ? 0 : 1;
}
