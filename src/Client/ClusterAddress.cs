using System.Net;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using StackExchange.Redis;
using Sweep.Silo.Hosting;

namespace Sweep.Client;

/// <summary>Where the cluster commands find a cluster: Redis (membership) and the silos' cluster id.</summary>
public sealed class ClusterAddress
{
    private readonly string? _password;

    /// <exception cref="FormatException">Not a Redis address (see <see cref="RedisAddress.Parse"/>).</exception>
    public ClusterAddress(string redisConnectionString, string clusterId)
    {
        Options = RedisAddress.Parse(redisConnectionString);
        _password = string.IsNullOrEmpty(Options.Password) ? null : Options.Password;
        ClusterId = clusterId;
    }

    public ConfigurationOptions Options { get; }

    public string ClusterId { get; }

    /// <summary>The Redis endpoints and the cluster id, fit to print: never the password or other options.</summary>
    public override string ToString() =>
        $"{string.Join(",", Options.EndPoints.Select(Format))} (cluster id '{ClusterId}')";

    /// <summary>
    /// Why <paramref name="error"/> means the cluster cannot be reached, in words for the user; null
    /// when it is some other failure. The password is blanked out of anything quoted.
    /// </summary>
    public string? Unreachable(Exception error) => error switch
    {
        RedisConnectionException { FailureType: ConnectionFailureType.AuthenticationFailure } =>
            "Redis refused the credentials in --cluster (or SWEEP_REDIS)",
        RedisConnectionException e => $"Redis does not answer ({e.FailureType}); is redis-server running there?",
        RedisTimeoutException => "Redis did not answer in time",
        SiloUnavailableException =>
            $"no silo of cluster id '{ClusterId}' is up; start the silos with Silo__ClusterId={ClusterId}, " +
            "or pass the cluster id they use with --cluster-id",
        ConnectionFailedException e => $"no silo gateway accepts connections ({Blank(FirstLine(e.Message))})",
        OrleansMessageRejectionException e =>
            $"a silo of the cluster does not answer ({Blank(FirstLine(e.Message))}); " +
            "if it has died, the cluster declares it dead within a minute and the command works again",
        TimeoutException e => $"the cluster did not answer in time ({Blank(e.Message)})",
        _ => null,
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd();

    private string Blank(string text) =>
        _password is null ? text : text.Replace(_password, "***", StringComparison.Ordinal);

    private static string Format(EndPoint endPoint) => endPoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        _ => endPoint.ToString() ?? "?",
    };
}
