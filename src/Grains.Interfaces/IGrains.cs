using Orleans.Concurrency;
using Orleans.Runtime;

namespace Sweep.Grains;

/// <summary>
/// Expands a sweep into trials, admits them a few at a time, tracks their states and
/// assembles the results. Keyed by the sweep's name.
/// </summary>
public interface ISweepGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts the sweep, or resumes it when it already exists with a spec that means the same sweep
    /// (comments, layout, key order and the spelling of numbers aside). A different spec under the same
    /// name is refused with <see cref="SweepConflictException"/>, which names the first setting that differs.
    /// </summary>
    Task<SweepProgress> Start(SweepRequest request);

    Task<SweepProgress> GetProgress();

    Task<IReadOnlyList<TrialResult>> GetResults();

    /// <summary>Called by a trial when it has ended, successfully or not.</summary>
    Task TrialEnded(TrialResult result);

    /// <summary>Called by a trial whose stage cannot be placed because a silo pool is missing.</summary>
    Task TrialWaiting(string trialKey, string reason);

    Task Cancel();
}

/// <summary>
/// Drives one trial (benchmark x lambda x seed) through its stages and persists its state after
/// each one, so a reactivated trial resumes instead of redoing finished stages.
/// </summary>
public interface ITrialGrain : IGrainWithStringKey
{
    /// <summary>Starts or resumes the trial; returns its current result row.</summary>
    Task<TrialResult> Start(TrialPlan plan);

    Task<TrialResult> GetResult();

    Task TeacherCompleted(TeacherOutcome outcome);

    /// <summary>
    /// A stage that is still at work says so now and then, so the watchdog tells a long stage
    /// from a stalled one. <paramref name="attempt"/> is null where the caller does not know it.
    /// </summary>
    [OneWay]
    Task Heartbeat(TrialStage stage, int? attempt);

    /// <param name="error">What went wrong, for the results table.</param>
    /// <param name="retryable">
    /// False when another attempt would fail the same way (the data, a diverging teacher).
    /// </param>
    Task TeacherFailed(string error, bool retryable);

    Task IslandCompleted(IslandOutcome outcome);

    Task IslandFailed(int index, int attempt, string error, bool retryable);
}

/// <summary>Trains one trial's teacher network; placed only on silos of the <c>gpu</c> pool.</summary>
public interface ITeacherGrain : IGrainWithStringKey
{
    /// <summary>Accepts the work and returns at once; the result comes back to the trial grain.</summary>
    Task<SiloAddress> Train(TrialPlan plan);
}

/// <summary>One island of a trial's student search; placed only on silos of the <c>cpu</c> pool.</summary>
public interface IIslandGrain : IGrainWithStringKey
{
    /// <summary>Accepts the work and returns at once; the front comes back to the trial grain.</summary>
    Task<SiloAddress> Start(IslandJob job);

    /// <summary>
    /// Individuals sent by the previous island of the ring; taken in before this island's next epoch.
    /// </summary>
    Task AcceptMigrants(MigrationBatch batch);
}
