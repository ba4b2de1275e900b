using System.Globalization;
using Sweep.Integration.Tests.Embedded;

namespace Sweep.Integration.Tests.Cluster;

/// <summary>
/// A throw-away <c>redis-server</c> and one silo process of the <c>cpu</c> pool, shared by the
/// tests of a class. Needs Debian's <c>redis-server</c> package (<c>.ci/run</c> installs it).
/// </summary>
public sealed class RedisAndSilo : IAsyncLifetime
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(2);
    private SweepProcess? _redis;
    private SweepProcess? _silo;

    public string ClusterId { get; } = "cli-" + Guid.NewGuid().ToString("N")[..8];

    public string Redis { get; private set; } = string.Empty;

    /// <summary>The options that point a cluster command at this cluster.</summary>
    public string[] Options => ["--cluster", Redis, "--cluster-id", ClusterId];

    public async Task InitializeAsync()
    {
        var port = FreePorts.Take().ToString(CultureInfo.InvariantCulture);
        Redis = $"127.0.0.1:{port}";
        _redis = SweepProcess.StartProgram("redis-server",
            ["--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
        await _redis.WaitForLineAsync(l => l.Contains("Ready to accept connections"), StartLimit);

        _silo = SweepProcess.StartProgram("dotnet", [Path.Combine(AppContext.BaseDirectory, "Sweep.Silo.dll")],
            new Dictionary<string, string>
            {
                ["SWEEP_REDIS"] = Redis,
                ["Silo__ClusterId"] = ClusterId,
                ["Silo__SiloPort"] = FreePorts.Take().ToString(CultureInfo.InvariantCulture),
                ["Silo__GatewayPort"] = FreePorts.Take().ToString(CultureInfo.InvariantCulture),
                ["Sweep__Pools"] = "cpu",
            });
        await _silo.WaitForLineAsync(l => l.Contains("Orleans Silo started."), StartLimit);
    }

    public Task DisposeAsync()
    {
        _silo?.Dispose();
        _redis?.Dispose();
        return Task.CompletedTask;
    }
}
