using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using StackExchange.Redis;
using Sweep.Cluster.Tests.Processes;

namespace Sweep.Cluster.Tests;

/// <summary>
/// A sweep cluster on this machine: a private <c>redis-server</c>, silo processes of the given
/// pools, the <c>sweep</c> command pointed at them, and an Orleans client inside the test that
/// reads grain state the CSV files do not carry (which silo ran what). Disposing it kills every
/// process it started. Logs stay under the test's output folder, in <see cref="LogFolder"/>.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private readonly List<SiloProcess> _silos = [];
    private RedisServer? _redis;
    private IHost? _observerHost;

    private LocalCluster(string clusterId, string logFolder)
    {
        ClusterId = clusterId;
        LogFolder = logFolder;
    }

    public string ClusterId { get; }

    public string LogFolder { get; }

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public RedisServer Redis => _redis ?? throw new InvalidOperationException("the cluster has not started");

    public SweepCli Cli => new(Redis.ConnectionString, ClusterId, LogFolder);

    /// <summary>A client that reads grains directly; the tests drive the sweep only through <see cref="Cli"/>.
    /// </summary>
    public IClusterClient Observer =>
        _observerHost?.Services.GetRequiredService<IClusterClient>()
        ?? throw new InvalidOperationException("the cluster has not started");

    /// <summary>
    /// Starts Redis, then one silo per entry of <paramref name="pools"/> (in parallel), then the
    /// observer client. <paramref name="sweepOptions"/> go to every silo as <c>Sweep__X</c>.
    /// </summary>
    public static async Task<LocalCluster> StartAsync(string name, IReadOnlyList<string> pools,
        IReadOnlyDictionary<string, string>? sweepOptions = null)
    {
        var clusterId = $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];
        var logFolder = Path.Combine(AppContext.BaseDirectory, "cluster-logs", clusterId);
        Directory.CreateDirectory(logFolder);
        var cluster = new LocalCluster(clusterId, logFolder);
        try
        {
            cluster._redis = await RedisServer.StartAsync(logFolder);
            var starts = pools.Select((pool, i) => SiloProcess.StartAsync($"silo-{i}-{pool}", pool,
                cluster.Redis.ConnectionString, clusterId, logFolder, sweepOptions)).ToArray();
            try
            {
                await Task.WhenAll(starts);
            }
            finally
            {
                cluster._silos.AddRange(starts.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result));
            }

            cluster._observerHost = await StartObserverAsync(cluster.Redis.ConnectionString, clusterId);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>The silo whose address grains report as <paramref name="siloAddress"/>.</summary>
    public SiloProcess SiloAt(string siloAddress) =>
        _silos.SingleOrDefault(s => s.Is(siloAddress))
        ?? throw new InvalidOperationException($"no silo of this cluster has the address {siloAddress}");

    public async ValueTask DisposeAsync()
    {
        if (_observerHost is not null)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _observerHost.StopAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                // The gateways are gone already; nothing to say goodbye to.
            }

            _observerHost.Dispose();
        }

        foreach (var silo in _silos)
            silo.Dispose();
        _redis?.Dispose();
    }

    private static async Task<IHost> StartObserverAsync(string redis, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = "sweep";
            });
            client.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
