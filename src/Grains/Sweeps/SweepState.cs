namespace Sweep.Grains.Sweeps;

/// <summary>The durable state of a sweep: its spec, its trials and their latest results.</summary>
[GenerateSerializer]
public sealed class SweepState
{
    [Id(0)] public SweepRequest? Request { get; set; }

    /// <summary>The latest known row of every trial, by trial key.</summary>
    [Id(1)] public Dictionary<string, TrialResult> Results { get; set; } = [];

    [Id(2)] public DateTime StartedUtc { get; set; }

    [Id(3)] public bool Cancelled { get; set; }
}
