using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using Sweep.Grains;

namespace Sweep.Silo.Hosting;

/// <summary>
/// Creates <see cref="SweepMetrics"/> when the host starts, after the metrics exporter, so that its
/// counters are on <c>/metrics</c> at 0 before any trial or island runs. Created on first use
/// instead, by the first grain that needs it, they would appear only then; and created before the
/// exporter listens, their initial 0 would not be recorded.
/// </summary>
internal sealed class SweepMetricsAtStart(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolving the provider builds it, and with it the listener that records measurements.
        _ = services.GetService<MeterProvider>();
        _ = services.GetRequiredService<SweepMetrics>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
