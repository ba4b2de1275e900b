using System.Net;
using System.Net.Sockets;
using Sweep.Silo.Hosting;

namespace Sweep.Client.Tests;

public sealed class MetricsEndpointTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65536)]
    public void A_port_out_of_range_is_refused(int port)
    {
        Assert.Equal($"metrics port {port} is out of range; give a port from 1 to 65535",
            MetricsEndpoint.Problem("127.0.0.1", port));
    }

    [Fact]
    public void A_port_held_by_another_listener_is_refused_and_a_free_one_accepted()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var problem = MetricsEndpoint.Problem("127.0.0.1", port);

        Assert.NotNull(problem);
        Assert.StartsWith($"metrics port {port} on 127.0.0.1 cannot be used (AddressAlreadyInUse", problem);
        holder.Stop();
        Assert.Null(MetricsEndpoint.Problem("127.0.0.1", port));
    }
}
