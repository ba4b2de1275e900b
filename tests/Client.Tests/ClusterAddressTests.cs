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

    [Theory]
    [InlineData("redis://:secretpw@127.0.0.1:6394", null, false)]
    [InlineData("redis://sweep:secretpw@127.0.0.1:6394", "sweep", false)]
    [InlineData("rediss://:secretpw@127.0.0.1:6394", null, true)]
    public void A_redis_uri_gives_its_host_port_user_and_password_and_prints_without_the_password(
        string uri, string? user, bool ssl)
    {
        var cluster = new ClusterAddress(uri, "t2");

        Assert.Equal("127.0.0.1:6394 (cluster id 't2')", cluster.ToString());
        Assert.Equal("secretpw", cluster.Options.Password);
        Assert.Equal(user, cluster.Options.User);
        Assert.Equal(ssl, cluster.Options.Ssl);
    }

    [Fact]
    public void A_redis_uri_without_a_port_uses_6379()
    {
        var cluster = new ClusterAddress("redis://cache.example", "sweep");

        Assert.Equal("cache.example:6379 (cluster id 'sweep')", cluster.ToString());
    }

    [Fact]
    public void An_address_that_is_not_a_redis_address_is_refused_with_the_reason_and_the_forms_accepted()
    {
        var error = Assert.Throws<FormatException>(() => new ClusterAddress("notahost:99999", "t2"));

        Assert.StartsWith("not a Redis address (", error.Message);
        Assert.Contains("65535", error.Message);
        Assert.EndsWith("give HOST:PORT[,password=...] or redis://[:PASSWORD@]HOST[:PORT]", error.Message);
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
