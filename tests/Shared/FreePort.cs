using System.Net;
using System.Net.Sockets;

namespace Slipway.Tests.Shared;

public static class FreePort
{
    /// <summary>A loopback port the system just handed out, so it is very likely free for the next listener.</summary>
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
