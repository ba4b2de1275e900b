using System.Globalization;
using Sweep.Silo.Hosting;

namespace Sweep.Integration.Tests.Embedded;

/// <summary>The Prometheus endpoint of a silo host, before any sweep runs on it.</summary>
public sealed class SiloMetricsTests
{
    [Theory]
    [InlineData("sweep_trials_started_total")]
    [InlineData("sweep_trials_completed_total")]
    [InlineData("sweep_trials_failed_total")]
    [InlineData("sweep_island_epochs_total")]
    [InlineData("sweep_island_evaluations_total")]
    [InlineData("sweep_island_migrants_total")]
    public async Task Every_counter_is_served_at_0_before_anything_has_run(string counter)
    {
        using var folder = new TemporaryFolder();
        var port = FreePorts.Take();
        using var host = SweepSiloHost.Build(
            new SiloHostSettings { Mode = SiloMode.Embedded, StateFolder = folder.Path, MetricsPort = port }, []);
        await host.StartAsync();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var text = await http.GetStringAsync(
                string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/metrics"));

            Assert.Matches($@"(?m)^{counter}(\{{[^}}]*\}})? 0( \d+)?$", text);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
