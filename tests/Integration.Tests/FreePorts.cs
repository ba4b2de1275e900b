using System.Net;
using System.Net.Sockets;

namespace Sweep.Integration.Tests;

/// <summary>Loopback ports that nothing listens on at the moment of asking.</summary>
public static class FreePorts
{
    public static int Take()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
