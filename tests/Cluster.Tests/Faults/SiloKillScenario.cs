using System.Globalization;
using System.Text.RegularExpressions;
using Orleans.Runtime;
using Sweep.Cluster.Tests.Processes;
using Sweep.Grains;

namespace Sweep.Cluster.Tests.Faults;

/// <summary>
/// The scenario the fault tests check, run once for all of them: a cluster of one gpu silo and
/// two cpu silos runs a sweep of twelve small trials; while islands run, the client that watches
/// the sweep is killed, then one cpu silo is killed with SIGKILL; a new client submits the same
/// spec again, watches the sweep to its end and writes the results. What was seen on the way is
/// kept for the tests to check.
/// </summary>
public sealed partial class SiloKillScenario : IAsyncLifetime
{
    public const string SweepName = "cluster-fault";

    /// <summary>
    /// 1027_ESL (488 rows) x 3 lambdas x 4 seeds. The student stage lasts several seconds on this set (on
    /// the 55-row 228_elusage it can end within 0.1 s), so the kill catches islands at work; the
    /// lambdas are small because a very smooth teacher (lambda 0.1) is fitted within a fraction
    /// of a second, before any kill could reach its islands.
    /// </summary>
    public const string Spec = """
        name: cluster-fault
        benchmarks: [1027_ESL]
        lambdas: [0, 0.0001, 0.001]
        seeds: [1, 2, 3, 4]
        teacher:
          hidden: [16, 16]
          epochs: 40
        student:
          islands: 4
          population: 60
          generations: 120
          migration_interval: 2
          migrants: 3
          max_size: 15
        """;

    /// <summary>
    /// The watchdog fires every minute (Orleans' shortest reminder period); a stage idle for 45 s
    /// is restarted at the next tick, so a trial that lost islands with the killed silo recovers
    /// within about two minutes instead of the 30-minute default.
    /// </summary>
    private static readonly Dictionary<string, string> SiloOptions = new() { ["StageTimeout"] = "00:00:45" };

    private static readonly TimeSpan KillLimit = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan FinishLimit = TimeSpan.FromMinutes(4);

    private LocalCluster? _cluster;

    public LocalCluster Cluster => _cluster ?? throw new InvalidOperationException("the scenario has not run");

    public SiloProcess Gpu { get; private set; } = null!;

    public SiloProcess KilledCpu { get; private set; } = null!;

    public SiloProcess SurvivingCpu { get; private set; } = null!;

    /// <summary>Every trial key the spec expands into.</summary>
    public IReadOnlyList<string> TrialKeys { get; } = ExpectedTrialKeys();

    /// <summary>Rows of the trials that had ended when the cpu silo was killed.</summary>
    public IReadOnlyList<TrialResult> EndedBeforeKill { get; private set; } = [];

    /// <summary>Trials whose student stage had just begun, with islands on the silo when it was killed.</summary>
    public IReadOnlyList<string> TrialsWithIslandsOnKilledSilo { get; private set; } = [];

    /// <summary>What the two <c>submit</c> commands printed: before the kill, and from the new client.</summary>
    public (string First, string Second) SubmitOutputs { get; private set; }

    /// <summary>The first client's <c>watch</c> output up to its kill, and the second's to the end.</summary>
    public (string First, string Second) WatchOutputs { get; private set; }

    public int SecondWatchExitCode { get; private set; }

    /// <summary>The final rows as the sweep grain holds them, with silos and migrant counts.</summary>
    public IReadOnlyList<TrialResult> FinalResults { get; private set; } = [];

    /// <summary>Rows of <c>trials.csv</c> written by <c>sweep results</c>, column name to value.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> TrialsCsv { get; private set; } = [];

    /// <summary>How long the whole scenario took, cluster start and shutdown included.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>Everything the surviving silos logged.</summary>
    public string SurvivorLogs =>
        string.Join('\n', Cluster.Silos.Where(s => s != KilledCpu).Select(s => s.Process.Output));

    public async Task InitializeAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _cluster = await LocalCluster.StartAsync("fault", ["gpu", "cpu", "cpu"], SiloOptions);
        Gpu = Cluster.Silos[0];
        var cpus = Cluster.Silos.Where(s => s.Pools == "cpu").ToArray();
        var spec = Path.Combine(Cluster.LogFolder, "spec.yaml");
        await File.WriteAllTextAsync(spec, Spec);
        var cli = Cluster.Cli;

        var firstSubmit = await cli.RunAsync("submit", spec);
        using (var firstWatch = cli.Start("watch", SweepName))
        {
            KilledCpu = await WaitForKillMomentAsync(cpus);
            KilledCpu.Kill();
            await firstWatch.WaitForLineAsync(l => l.StartsWith(SweepName + ":", StringComparison.Ordinal), KillLimit);
            firstWatch.Kill();
            WatchOutputs = (firstWatch.Output, "");
        }

        SurvivingCpu = cpus.Single(s => s != KilledCpu);
        var secondSubmit = await cli.RunAsync("submit", spec);
        SubmitOutputs = (firstSubmit, secondSubmit);
        using (var secondWatch = cli.Start("watch", SweepName))
        {
            SecondWatchExitCode = await secondWatch.WaitForExitAsync(FinishLimit);
            WatchOutputs = (WatchOutputs.First, secondWatch.Output);
        }

        var output = Path.Combine(Cluster.LogFolder, "results");
        await cli.RunAsync("results", SweepName, "--out", output);
        TrialsCsv = Csv.Read(Path.Combine(output, "trials.csv"));
        FinalResults = await Cluster.Observer.GetGrain<ISweepGrain>(SweepName).GetResults();
        Elapsed = clock.Elapsed;
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
            await _cluster.DisposeAsync();
    }

    /// <summary>
    /// Waits until a trial has ended with islands on both cpu silos (so migrants could cross) and
    /// another trial has just entered its student stage (seen in its teacher stage by the previous
    /// poll, 200 ms before), so its islands have only begun; returns the cpu silo that holds most
    /// of those islands: the one to kill. Island activations alone would not do, because a
    /// finished island stays active for a while.
    /// </summary>
    private async Task<SiloProcess> WaitForKillMomentAsync(SiloProcess[] cpus)
    {
        var sweep = Cluster.Observer.GetGrain<ISweepGrain>(SweepName);
        var management = Cluster.Observer.GetGrain<IManagementGrain>(0);
        var previous = new Dictionary<string, TrialStage>();
        var deadline = DateTime.UtcNow + KillLimit;
        while (DateTime.UtcNow < deadline)
        {
            var rows = await sweep.GetResults();
            var ended = rows.Where(r => r.IsFinished).ToArray();
            var spread = ended.Any(r => r.Student is { } s && cpus.All(c => s.IslandSilos.Any(c.Is)));
            var open = rows.Where(r => !r.IsFinished).Select(r => r.Key).ToArray();
            if (open.Length == 0)
                break;

            var stages = await Task.WhenAll(open.Select(k => Cluster.Observer.GetGrain<ITrialGrain>(k).GetResult()));
            var justStarted = stages
                .Where(r => r.Stage == TrialStage.Student && previous.GetValueOrDefault(r.Key) == TrialStage.Teacher)
                .Select(r => r.Key).ToArray();
            foreach (var row in stages)
                previous[row.Key] = row.Stage;

            if (spread && justStarted.Length > 0)
            {
                var islands = await IslandActivationsAsync(management, justStarted);
                var victim = cpus.MaxBy(c => islands.Count(i => c.Is(i.Silo)))!;
                if (islands.Any(i => victim.Is(i.Silo)))
                {
                    EndedBeforeKill = ended;
                    TrialsWithIslandsOnKilledSilo = islands.Where(i => victim.Is(i.Silo)).Select(i => i.Trial)
                        .Distinct().ToArray();
                    return victim;
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException(
            "no moment came when a trial had ended with islands on both cpu silos while another trial's " +
            $"islands had just started; logs: {Cluster.LogFolder}");
    }

    /// <summary>Where the island grains of <paramref name="trials"/> are active now: (trial key, silo address).
    /// </summary>
    private static async Task<(string Trial, string Silo)[]> IslandActivationsAsync(
        IManagementGrain management, IReadOnlyList<string> trials)
    {
        var activations = await management.GetDetailedGrainStatistics();
        return activations
            .Select(a => (Key: a.GrainId.Key.ToString() ?? "", Silo: a.SiloAddress.ToString()))
            .SelectMany(a => trials.Where(t => a.Key.StartsWith(t + "/island=", StringComparison.Ordinal))
                .Select(t => (t, a.Silo)))
            .ToArray();
    }

    private static string[] ExpectedTrialKeys() =>
        (from benchmark in new[] { "1027_ESL" }
         from lambda in new[] { 0.0, 0.0001, 0.001 }
         from seed in new[] { 1, 2, 3, 4 }
         select Sweep.Grains.TrialKeys.Format(SweepName, benchmark, lambda, seed)).ToArray();

    /// <summary>A progress line of <c>sweep watch</c>: <c>NAME: 12/12 ended (11 done, 1 failed), ...</c>.</summary>
    [GeneratedRegex(@"^(?<name>\S+): (?<ended>\d+)/(?<total>\d+) ended \((?<done>\d+) done, (?<failed>\d+) failed\)")]
    public static partial Regex ProgressLine();

    /// <summary>The last progress line in <paramref name="output"/>, as (ended, total, done, failed).</summary>
    public static (int Ended, int Total, int Done, int Failed) LastProgress(string output)
    {
        var match = output.Split('\n').Select(l => ProgressLine().Match(l.Trim())).Last(m => m.Success);
        int Get(string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        return (Get("ended"), Get("total"), Get("done"), Get("failed"));
    }
}
