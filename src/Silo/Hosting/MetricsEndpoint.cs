using System.Net;
using System.Net.Sockets;

namespace Sweep.Silo.Hosting;

/// <summary>Checks the address and port of the Prometheus <c>/metrics</c> endpoint before a host binds it.</summary>
public static class MetricsEndpoint
{
    /// <summary>
    /// What is wrong with serving metrics at <paramref name="address"/>:<paramref name="port"/>, in
    /// one sentence, or null when the port is valid and free.
    /// </summary>
    /// <remarks>
    /// Kestrel reports a taken port only when the host starts, as an exception with a stack trace,
    /// after the silo has begun to start; a quick bind first gives the user a plain answer. Another
    /// process may still take the port between this check and the host's bind.
    /// </remarks>
    public static string? Problem(string address, int port)
    {
        if (port is < IPEndPoint.MinPort + 1 or > IPEndPoint.MaxPort)
            return $"metrics port {port} is out of range; give a port from 1 to {IPEndPoint.MaxPort}";

        if (!IPAddress.TryParse(address, out var ip))
            return $"metrics address '{address}' is not an IP address";

        try
        {
            using var listener = new TcpListener(ip, port);
            listener.Start();
            return null;
        }
        catch (SocketException e)
        {
            return $"metrics port {port} on {address} cannot be used ({e.SocketErrorCode}: {e.Message}); " +
                   "give another port or stop the program that holds it";
        }
    }
}
