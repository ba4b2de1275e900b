using Orleans.TestingHost;
using Sweep.Client;
using Sweep.Grains;
using Sweep.Grains.Hosting;
using Sweep.Grains.Placement;
using Sweep.Silo.Hosting;

namespace Sweep.Integration.Tests.Cluster;

/// <summary>
/// A cluster of two in-process silos, one per pool, runs a small real sweep end to end: teachers
/// must be placed only on the gpu silo, islands only on the cpu silo, and islands must exchange
/// migrants.
/// </summary>
public sealed class TwoPoolClusterTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    /// <summary>The first silo configured joins the gpu pool; the other joins the cpu pool.</summary>
    private string? _gpuSiloName;

    public async Task InitializeAsync()
    {
        _cluster = await TestSilo.StartClusterAsync(2, siloName =>
        {
            _gpuSiloName ??= siloName;
            var pool = siloName == _gpuSiloName ? SiloPools.Gpu : SiloPools.Cpu;
            return new SweepSiloOptions { Pools = pool, TeacherThreads = 1 };
        });
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_tiny_sweep_places_teachers_on_gpu_silos_and_islands_on_cpu_silos_and_migrates()
    {
        using var folder = new TemporaryFolder();
        var specPath = folder.Write("tiny.yaml", """
            name: tiny
            benchmarks: [1027_ESL]
            lambdas: [0, 0.01]
            seeds: [1]
            teacher:
              hidden: [16, 16]
              epochs: 40
            student:
              islands: 2
              population: 40
              generations: 8
              migration_interval: 2
              migrants: 3
              max_size: 15
            """);
        var prepared = SweepPreparation.Prepare(specPath, datasetsOption: null);
        var gpu = _cluster.Silos.Single(s => s.Name == _gpuSiloName).SiloAddress.ToString();
        var cpu = _cluster.Silos.Single(s => s.Name != _gpuSiloName).SiloAddress.ToString();

        var sweep = _cluster.Client.GetGrain<ISweepGrain>("tiny");
        await sweep.Start(prepared.Request);
        var progress = await WaitUntilFinished(sweep, TimeSpan.FromMinutes(4));
        var results = await sweep.GetResults();

        Assert.Equal(2, progress.Done);
        Assert.All(results, r =>
        {
            Assert.Equal(TrialStage.Done, r.Stage);
            Assert.Equal(gpu, r.Teacher!.Silo);
            Assert.All(r.Student!.IslandSilos, silo => Assert.Equal(cpu, silo));
            Assert.True(r.Student.MigrantsReceived > 0, $"{r.Key}: no migrant arrived");
            Assert.True(double.IsFinite(r.Student.R2Test) && double.IsFinite(r.Teacher.R2Test), r.Key);
        });
    }

    /// <summary>
    /// Migration waits for each epoch's batch, so two runs of one trial (two sweeps, same seed)
    /// evolve the same populations even though their islands run concurrently on another silo.
    /// </summary>
    [Fact]
    public async Task The_same_trial_run_twice_distils_the_same_student()
    {
        using var folder = new TemporaryFolder();
        var formulas = new List<string>();
        foreach (var name in new[] { "repeat-a", "repeat-b" })
        {
            var specPath = folder.Write($"{name}.yaml", $"""
                name: {name}
                benchmarks: [1027_ESL]
                lambdas: [0.01]
                seeds: [3]
                teacher:
                  hidden: [8]
                  epochs: 20
                student:
                  islands: 3
                  population: 30
                  generations: 12
                  migration_interval: 2
                  migrants: 3
                  max_size: 15
                """);
            var sweep = _cluster.Client.GetGrain<ISweepGrain>(name);
            await sweep.Start(SweepPreparation.Prepare(specPath, datasetsOption: null).Request);
            await WaitUntilFinished(sweep, TimeSpan.FromMinutes(3));
            var row = Assert.Single(await sweep.GetResults());
            Assert.Equal(TrialStage.Done, row.Stage);
            Assert.True(row.Student!.MigrantsReceived > 0,
                "no migrant arrived, so the test shows nothing about migration");
            formulas.Add(
                $"{row.Student.Expression} | R2 {row.Student.R2Test:R} | evaluations {row.Student.Evaluations}");
        }

        Assert.Equal(formulas[0], formulas[1]);
    }

    private static async Task<SweepProgress> WaitUntilFinished(ISweepGrain sweep, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var progress = await sweep.GetProgress();
            if (progress.IsFinished)
                return progress;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"sweep not finished after {limit}: {ProgressView.Describe(progress)}");
            await Task.Delay(250);
        }
    }
}
