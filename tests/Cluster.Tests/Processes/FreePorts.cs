using System.Net;
using System.Net.Sockets;

namespace Sweep.Cluster.Tests.Processes;

/// <summary>Loopback ports that no one listens on, so parallel runs and other programs do not collide.</summary>
public static class FreePorts
{
    /// <summary>
    /// Asks the system for <paramref name="count"/> distinct free ports, holding all of them open
    /// until the last is found so the system cannot hand out the same one twice.
    /// </summary>
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
                listener.Start();
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
                listener.Stop();
        }
    }
}
