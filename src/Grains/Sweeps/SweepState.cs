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

    /// <summary>
    /// When the sweep learned that no trial runs any more: its last trial ended, or it was cancelled and
    /// its last running trial ended. Null while trials run, and for a sweep that ended under an older
    /// version, which did not record it.
    /// </summary>
    [Id(4)] public DateTime? EndedUtc { get; set; }
}
