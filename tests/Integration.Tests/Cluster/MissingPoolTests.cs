using Orleans.TestingHost;
using Sweep.Client;
using Sweep.Grains;
using Sweep.Grains.Hosting;
using Sweep.Grains.Placement;
using Sweep.Silo.Hosting;

namespace Sweep.Integration.Tests.Cluster;

/// <summary>A cluster with no gpu silo: trials must wait for the pool, visibly, instead of failing.</summary>
public sealed class MissingPoolTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await TestSilo.StartClusterAsync(1, _ => new SweepSiloOptions { Pools = SiloPools.Cpu });
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Without_a_gpu_silo_the_sweep_reports_it_is_waiting_for_the_gpu_pool_and_fails_no_trial()
    {
        using var folder = new TemporaryFolder();
        var specPath = folder.Write("nogpu.yaml", """
            name: nogpu
            benchmarks: [228_elusage]
            lambdas: [0]
            seeds: [1]
            """);
        var prepared = SweepPreparation.Prepare(specPath, datasetsOption: null);
        var sweep = _cluster.Client.GetGrain<ISweepGrain>("nogpu");

        await sweep.Start(prepared.Request);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        SweepProgress progress;
        do
        {
            await Task.Delay(200);
            progress = await sweep.GetProgress();
        }
        while (progress.WaitingFor is null && DateTime.UtcNow < deadline);

        Assert.Equal("waiting for a silo of the gpu pool", progress.WaitingFor);
        Assert.Equal(0, progress.Failed);
        Assert.Equal(0, progress.Done);
    }
}
