using System.Net;
using System.Net.Sockets;

namespace Kullback.Data.Tests.Servers;

/// <summary>Free TCP ports on the loopback interface, for servers started by tests.</summary>
internal static class LoopbackPort
{
    /// <summary>
    /// A port that was free a moment ago (the kernel's choice for port 0). Another process may take it before the server
    /// binds it, so fixtures retry their start with fresh ports when a server cannot bind.
    /// </summary>
    public static int Next()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }

    /// <summary>A port on which nothing listens now: for tests of an unreachable server.</summary>
    public static int Unused() => Next();
}
