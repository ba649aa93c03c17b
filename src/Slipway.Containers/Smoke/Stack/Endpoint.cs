namespace Slipway.Containers.Smoke.Stack;

/// <summary>Where a service's container port can be reached from this machine.</summary>
public sealed record Endpoint(string Host, int Port)
{
    /// <summary>
    /// Parses <c>compose port</c>'s answer (<c>127.0.0.1:32768</c>, <c>0.0.0.0:8080</c>, <c>[::]:8080</c>); a port bound
    /// on every interface is reached through loopback.
    /// </summary>
    public static Endpoint? FromComposePort(string output)
    {
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var colon = line?.LastIndexOf(':') ?? -1;
        if (line is null || colon <= 0 || !int.TryParse(line[(colon + 1)..], out var port) || port is < 1 or > 65535) return null;
        var host = line[..colon].Trim('[', ']');
        return new Endpoint(host is "0.0.0.0" or "::" ? "127.0.0.1" : host, port);
    }

    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}

/// <summary>A service's port could not be located (no running container, no address); the step fails and is retried.</summary>
public sealed class EndpointException(string message) : Exception(message);
