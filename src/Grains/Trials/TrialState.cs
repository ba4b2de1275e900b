namespace Sweep.Grains.Trials;

/// <summary>The durable state of one trial; written after every change of stage.</summary>
[GenerateSerializer]
public sealed class TrialState
{
    [Id(0)] public TrialPlan? Plan { get; set; }

    [Id(1)] public TrialStage Stage { get; set; } = TrialStage.Pending;

    /// <summary>How many times a stage of this trial has been started.</summary>
    [Id(2)] public int Attempts { get; set; }

    /// <summary>The teacher's scores and predictions, kept so a resumed trial does not train again.</summary>
    [Id(3)] public TeacherOutcome? Teacher { get; set; }

    [Id(4)] public StudentMetrics? Student { get; set; }

    /// <summary>The last error; on a done trial, the reason of a retry that was overcome.</summary>
    [Id(5)] public string? Error { get; set; }

    /// <summary>When the trial last moved forward; the watchdog retries a stage idle for too long.</summary>
    [Id(6)] public DateTime LastProgressUtc { get; set; }

    /// <summary>
    /// Of <see cref="Attempts"/>, the starts made again only because a silo could not be reached; they
    /// do not count against the limit of attempts.
    /// </summary>
    [Id(7)] public int SiloRestarts { get; set; }
}
