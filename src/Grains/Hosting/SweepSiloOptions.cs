namespace Sweep.Grains.Hosting;

/// <summary>What one silo contributes to a sweep cluster; bound from the <c>Sweep</c> configuration section.</summary>
public sealed record SweepSiloOptions
{
    public const string Section = "Sweep";

    /// <summary>The pools this silo belongs to, comma-separated: <c>gpu</c>, <c>cpu</c> or <c>gpu,cpu</c>.</summary>
    public string Pools { get; init; } = "gpu,cpu";

    /// <summary><see cref="Pools"/> as a list.</summary>
    public IReadOnlyList<string> PoolList =>
        Pools.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Teacher trainings that may run at once on this silo (one per device by default).</summary>
    public int TeacherConcurrency { get; init; } = 1;

    /// <summary>Intra-op threads of one training; 0 means half the cores, at least one.</summary>
    public int TeacherThreads { get; init; }

    /// <summary>Trials a sweep keeps active at once; the rest wait, so large sweeps activate gradually.</summary>
    public int MaxActiveTrials { get; init; } = 4;

    /// <summary>Teacher device: <c>cpu</c>, <c>cuda</c> or <c>auto</c>.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>
    /// Times a trial's stage is started before the trial is marked failed; starts made again only because a
    /// silo could not be reached are not counted.
    /// </summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>A stage that reports no progress for this long is started again (or the trial fails).</summary>
    public TimeSpan StageTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long an island waits for its ring neighbour's emigrants before it goes on without them.
    /// Waiting keeps migration synchronous per epoch and the search reproducible; going on keeps a
    /// trial alive when its neighbour's silo has died (the watchdog then restarts the stage).
    /// </summary>
    public TimeSpan MigrationWait { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Pause before a failed stage is started again, so a silo that just died can be declared dead first.
    /// </summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often each running trial's watchdog reminder fires (Orleans' minimum is one minute).</summary>
    public TimeSpan WatchdogPeriod { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Problems that stop the silo from starting, each naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (PoolList.Count == 0)
            problems.Add("Sweep:Pools must name at least one pool (gpu, cpu)");
        foreach (var pool in PoolList.Where(p => p is not ("gpu" or "cpu")))
            problems.Add($"Sweep:Pools has '{pool}'; the pools are gpu and cpu");
        if (TeacherConcurrency < 1)
            problems.Add($"Sweep:TeacherConcurrency must be at least 1, got {TeacherConcurrency}");
        if (TeacherThreads < 0)
            problems.Add($"Sweep:TeacherThreads must be 0 (automatic) or more, got {TeacherThreads}");
        if (MaxAttempts < 1)
            problems.Add($"Sweep:MaxAttempts must be at least 1, got {MaxAttempts}");
        if (StageTimeout <= TimeSpan.Zero)
            problems.Add($"Sweep:StageTimeout must be positive, got {StageTimeout}");
        if (WatchdogPeriod < TimeSpan.FromMinutes(1))
            problems.Add($"Sweep:WatchdogPeriod must be at least 00:01:00 (Orleans reminders), got {WatchdogPeriod}");
        if (MigrationWait <= TimeSpan.Zero)
            problems.Add($"Sweep:MigrationWait must be positive, got {MigrationWait}");
        if (RetryDelay < TimeSpan.Zero)
            problems.Add($"Sweep:RetryDelay must be zero or more, got {RetryDelay}");
        if (MaxActiveTrials < 1)
            problems.Add($"Sweep:MaxActiveTrials must be at least 1, got {MaxActiveTrials}");

        return problems;
    }

    /// <summary>The thread count a training actually uses.</summary>
    public int EffectiveTeacherThreads =>
        TeacherThreads > 0 ? TeacherThreads : Math.Max(1, Environment.ProcessorCount / 2);
}
