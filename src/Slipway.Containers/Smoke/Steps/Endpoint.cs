namespace Slipway.Containers.Smoke.Steps;

/// <summary>Where a service's container port can be reached from this machine.</summary>
public sealed record Endpoint(string Host, int Port)
{
    /// <summary>A port binding as the engine reports it (host IP, host port); a port bound on every interface is reached through loopback.</summary>
    public static Endpoint? FromBinding(string? hostIp, string? hostPort) =>
        int.TryParse(hostPort, out var port) && port is >= 1 and <= 65535
            ? new Endpoint(hostIp is null or "" or "0.0.0.0" or "::" ? "127.0.0.1" : hostIp, port)
            : null;

    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}

/// <summary>A service's port could not be located (no running container, no address); the step fails and is retried.</summary>
public sealed class EndpointException(string message) : Exception(message);
