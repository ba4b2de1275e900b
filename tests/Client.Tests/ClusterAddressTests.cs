using Orleans.Runtime;
using StackExchange.Redis;

namespace Sweep.Client.Tests;

public sealed class ClusterAddressTests
{
    [Fact]
    public void The_printed_address_names_the_endpoints_and_cluster_id_but_never_the_password()
    {
        var cluster = new ClusterAddress("redis.example:6390,password=hunter2,ssl=false", "demo");

        Assert.Equal("redis.example:6390 (cluster id 'demo')", cluster.ToString());
    }

    [Fact]
    public void A_redis_endpoint_without_a_port_is_shown_with_the_default_port()
    {
        Assert.Equal("127.0.0.1:6379 (cluster id 'sweep')", new ClusterAddress("127.0.0.1", "sweep").ToString());
    }

    [Fact]
    public void Connection_failures_are_explained_and_quoted_messages_have_the_password_blanked()
    {
        var cluster = new ClusterAddress("127.0.0.1:6390,password=hunter2", "demo");

        var redis = cluster.Unreachable(new RedisConnectionException(ConnectionFailureType.UnableToConnect, "x"));
        var silos = cluster.Unreachable(new SiloUnavailableException("none"));
        var timeout = cluster.Unreachable(new TimeoutException("AUTH hunter2 took too long"));

        Assert.Equal("Redis does not answer (UnableToConnect); is redis-server running there?", redis);
        Assert.Contains("Silo__ClusterId=demo", silos);
        Assert.Equal("the cluster did not answer in time (AUTH *** took too long)", timeout);
        Assert.Null(cluster.Unreachable(new InvalidOperationException("a bug")));
    }
}
