using Docker.DotNet.Models;

namespace Slipway.Containers.Compose;

/// <summary>A service container's state as the engine reports it, and whether that counts as up.</summary>
public sealed record ServiceHealth(string Service, string State, long ExitCode, string? Health, IReadOnlyList<string> LastProbes, bool IsOneShot)
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
        container.State?.Health?.Status,
        (container.State?.Health?.Log ?? []).TakeLast(3).Select(l => $"exit {l.ExitCode}: {l.Output?.Trim()}").ToList(),
        isOneShot);

    public string Describe()
    {
        var text = $"{Service}: {State}" + (State == "exited" ? $" with exit code {ExitCode}" : "") + (Health is { } h ? $", {h}" : "");
        return LastProbes.Count == 0 ? text : text + Environment.NewLine + string.Join(Environment.NewLine, LastProbes.Select(p => "    probe " + p));
    }
}
