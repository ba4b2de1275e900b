namespace Sweep.Cluster.Tests.Processes;

/// <summary>One <c>Sweep.Silo</c> process of a test cluster, configured through environment variables.</summary>
public sealed class SiloProcess : IDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(2);
    private readonly ChildProcess _process;

    private SiloProcess(ChildProcess process, string name, string pools, int siloPort)
    {
        _process = process;
        Name = name;
        Pools = pools;
        SiloPort = siloPort;
    }

    public string Name { get; }

    public string Pools { get; }

    public int SiloPort { get; }

    public ChildProcess Process => _process;

    /// <summary>
    /// Starts a silo of <paramref name="pools"/> and returns once Orleans reports it started
    /// (joined the cluster as an active member). <paramref name="sweepOptions"/> are extra
    /// <c>Sweep__X</c> settings such as <c>MaxActiveTrials</c>.
    /// </summary>
    public static async Task<SiloProcess> StartAsync(string name, string pools, string redis, string clusterId,
        string logFolder, IReadOnlyDictionary<string, string>? sweepOptions = null)
    {
        var ports = FreePorts.Take(2);
        var environment = new Dictionary<string, string>
        {
            ["SWEEP_REDIS"] = redis,
            ["Silo__ClusterId"] = clusterId,
            ["Silo__SiloPort"] = ports[0].ToString(),
            ["Silo__GatewayPort"] = ports[1].ToString(),
            ["Sweep__Pools"] = pools,
            ["Sweep__TeacherThreads"] = "1",
        };
        foreach (var (key, value) in sweepOptions ?? new Dictionary<string, string>())
            environment["Sweep__" + key] = value;

        var process = ChildProcess.StartDotnet(name, "Sweep.Silo.dll", [], environment, logFolder);
        var silo = new SiloProcess(process, name, pools, ports[0]);
        try
        {
            await process.WaitForLineAsync(l => l.Contains("Orleans Silo started."), StartLimit);
        }
        catch
        {
            silo.Dispose();
            throw;
        }

        return silo;
    }

    /// <summary>
    /// True when <paramref name="siloAddress"/>, as grains report it (<c>S127.0.0.1:PORT:GENERATION</c>),
    /// is this silo.
    /// </summary>
    public bool Is(string siloAddress) => siloAddress.Contains($":{SiloPort}:", StringComparison.Ordinal);

    /// <summary>SIGKILL: the silo leaves without telling the cluster, as a crashed machine would.</summary>
    public void Kill() => _process.Kill();

    public void Dispose() => _process.Dispose();
}
