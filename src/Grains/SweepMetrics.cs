using System.Diagnostics.Metrics;

namespace Sweep.Grains;

/// <summary>
/// The project's own instruments, exported next to Orleans' meter. Names follow OpenTelemetry
/// conventions; the Prometheus exporter turns <c>sweep.trials.started</c> into
/// <c>sweep_trials_started_total</c>. Every counter is exported from the moment this is created, at 0.
/// </summary>
public sealed class SweepMetrics : IDisposable
{
    /// <summary>The meter name to enable in OpenTelemetry.</summary>
    public const string MeterName = "Sweep";

    private readonly Meter _meter;

    public SweepMetrics(IMeterFactory factory)
    {
        _meter = factory.Create(MeterName);
        TrialsStarted = _meter.CreateCounter<long>("sweep.trials.started", description: "Trials admitted by a sweep");
        TrialsCompleted = _meter.CreateCounter<long>("sweep.trials.completed",
            description: "Trials that ended with results");
        TrialsFailed = _meter.CreateCounter<long>("sweep.trials.failed",
            description: "Trials that ended with an error");
        TeacherSeconds = _meter.CreateHistogram<double>("sweep.teacher.duration", unit: "s",
            description: "Wall time of one teacher training");
        IslandEpochs = _meter.CreateCounter<long>("sweep.island.epochs", description: "Island epochs run");
        Evaluations = _meter.CreateCounter<long>("sweep.island.evaluations", description: "Program evaluations");
        Migrants = _meter.CreateCounter<long>("sweep.island.migrants", description: "Individuals received by islands");

        // A counter is exported only once a measurement has been recorded; adding 0 now makes
        // every series read 0 from the start instead of appearing at its first increment. The
        // exporter must be listening already (see SweepMetricsAtStart in the silo's hosting).
        foreach (var counter in new[] { TrialsStarted, TrialsCompleted, TrialsFailed, IslandEpochs, Evaluations,
                     Migrants })
            counter.Add(0);
    }

    public Counter<long> TrialsStarted { get; }

    public Counter<long> TrialsCompleted { get; }

    public Counter<long> TrialsFailed { get; }

    public Histogram<double> TeacherSeconds { get; }

    public Counter<long> IslandEpochs { get; }

    public Counter<long> Evaluations { get; }

    public Counter<long> Migrants { get; }

    public void Dispose() => _meter.Dispose();
}
