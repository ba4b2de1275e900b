using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Sweep.Experiment;
using Sweep.Grains.Hosting;
using Sweep.Symbolic;

namespace Sweep.Grains.Trials;

/// <summary>
/// Drives one trial through its persisted state machine: pending → teacher → student → done, or
/// failed. The state is written after every change of stage, so a reactivated trial continues
/// from the last persisted stage instead of redoing finished ones.
/// <para>
/// A reminder acts as a watchdog. It reactivates a trial whose silo died, and drives a stage
/// again when a silo that ran the stage's grains has been declared dead, or when the stage has
/// made no progress for <see cref="SweepSiloOptions.StageTimeout"/>. A stage
/// that fails or stalls is retried until <see cref="SweepSiloOptions.MaxAttempts"/> attempts,
/// then the trial fails with the last reason, so no trial stays running forever. Callbacks from
/// an older attempt, or for a stage the trial has left, are ignored: a trial completes once.
/// </para>
/// </summary>
public sealed partial class TrialGrain(
    [PersistentState("trial", StorageNames.Sweep)] IPersistentState<TrialState> state,
    TrialInputCache inputs,
    SweepMetrics metrics,
    IOptions<SweepSiloOptions> options,
    IClusterMembershipService membership,
    ILogger<TrialGrain> logger) : Grain, ITrialGrain, IRemindable
{
    private const string WatchdogReminder = "watchdog";
    private static readonly TimeSpan PlacementRetry = TimeSpan.FromSeconds(5);

    private readonly Dictionary<int, IslandOutcome> _islands = [];

    /// <summary>The silos that run the current stage's grains, as they answered when it was started.</summary>
    private readonly HashSet<SiloAddress> _stageSilos = [];
    private bool _driving;
    private IGrainTimer? _retry;

    /// <summary>
    /// The watchdog as this activation registered it, so stopping it needs no look-up in the reminder table.
    /// </summary>
    private IGrainReminder? _watchdog;

    private TrialState S => state.State;

    private string Key => this.GetPrimaryKeyString();

    public async Task<TrialResult> Start(TrialPlan plan)
    {
        if (S.Plan is null)
        {
            S.Plan = plan;
            S.Stage = TrialStage.Teacher;
            S.Attempts = 1;
            S.LastProgressUtc = DateTime.UtcNow;
            // The first state and the watchdog are written together, one round trip instead of two.
            // If either fails the call fails and the sweep admits this trial again later; a
            // watchdog that fires on a trial whose state was not written stops itself.
            await Task.WhenAll(state.WriteStateAsync(), EnsureWatchdogAsync());
            metrics.TrialsStarted.Add(1);
        }

        if (!_driving && !Result().IsFinished)
        {
            // The watchdog before the stage: if it cannot be registered (its reminder range is on a
            // silo that just died) the call fails and the sweep admits this trial again later,
            // instead of leaving a trial that is driven by nothing and watched by nothing.
            if (_watchdog is null)
                await EnsureWatchdogAsync();
            _driving = true;
            _ = DriveCurrentStageAsync();
        }

        return Result();
    }

    public Task<TrialResult> GetResult() => Task.FromResult(Result());

    public async Task TeacherCompleted(TeacherOutcome outcome)
    {
        if (S.Stage != TrialStage.Teacher)
            return;

        S.Teacher = outcome;
        S.Stage = TrialStage.Student;
        S.LastProgressUtc = DateTime.UtcNow;
        await state.WriteStateAsync();
        await DriveCurrentStageAsync();
    }

    public Task Heartbeat(TrialStage stage, int? attempt)
    {
        // Kept in memory only: a reactivated trial starts its own clock anyway.
        if (stage == S.Stage && (attempt is null || attempt == S.Attempts))
            S.LastProgressUtc = DateTime.UtcNow;
        return Task.CompletedTask;
    }

    public Task TeacherFailed(string error, bool retryable) =>
        S.Stage == TrialStage.Teacher ? RetryOrFailAsync(error, retryable) : Task.CompletedTask;

    public async Task IslandCompleted(IslandOutcome outcome)
    {
        if (S.Stage != TrialStage.Student || outcome.Attempt != S.Attempts || S.Plan is null || S.Teacher is null)
            return;

        _islands[outcome.Index] = outcome;
        S.LastProgressUtc = DateTime.UtcNow;
        if (_islands.Count < IslandCount())
            return;

        StudentMetrics student;
        // In island order, not arrival order: the merge keeps the first of equal entries (ParetoFront.Merge).
        var (plan, teacher, islands) = (S.Plan, S.Teacher, _islands.Values.OrderBy(i => i.Index).ToArray());
        try
        {
            student = await Task.Run(() => ScoreStudent(plan, teacher, islands));
        }
        catch (Exception e)
        {
            LogScoringFailed(Key, e);
            await FailAsync($"student scoring failed: {e.Message}");
            return;
        }

        S.Student = student;
        S.Stage = TrialStage.Done;
        await state.WriteStateAsync();
        metrics.TrialsCompleted.Add(1);
        LogDone(Key, student.R2Test, student.Expression);
        await ReportEndAsync();
    }

    public Task IslandFailed(int index, int attempt, string error, bool retryable) =>
        S.Stage == TrialStage.Student && attempt == S.Attempts
            ? RetryOrFailAsync(error, retryable)
            : Task.CompletedTask;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (S.Plan is null)
        {
            await StopWatchdogAsync();
            return;
        }

        if (Result().IsFinished)
        {
            // The end was not acknowledged by the sweep yet (or this is the tick that follows it).
            await ReportEndAsync();
            return;
        }

        if (!_driving)
        {
            // A fresh activation: the silo that drove this trial is gone, or the trial was evicted.
            LogResumed(Key, S.Stage);
            _driving = true;
            await DriveCurrentStageAsync();
            return;
        }

        if (DeadStageSilo() is { } dead)
        {
            // Its training or search died with it; waiting for StageTimeout would only lose time.
            await RetryOrFailAsync($"stage {S.Stage} lost its silo {dead}, which the cluster declared dead");
            return;
        }

        var idle = DateTime.UtcNow - S.LastProgressUtc;
        if (idle > options.Value.StageTimeout)
            await RetryOrFailAsync($"stage {S.Stage} made no progress for {idle:hh\\:mm\\:ss}");
    }

    /// <summary>
    /// Starts the stage again after <see cref="SweepSiloOptions.RetryDelay"/>, or fails the trial
    /// when the failure would recur or the attempts are spent.
    /// </summary>
    private async Task RetryOrFailAsync(string error, bool retryable = true)
    {
        var counted = S.Attempts - S.SiloRestarts;
        if (!retryable || counted >= options.Value.MaxAttempts)
        {
            await FailAsync(counted == 1 || !retryable ? error : $"{error} (gave up after {counted} attempts)");
            return;
        }

        S.Error = error;
        S.LastProgressUtc = DateTime.UtcNow;
        await StartStageAgainAsync(options.Value.RetryDelay);
        LogRetry(Key, S.Stage, S.Attempts, error);
    }

    /// <summary>
    /// Takes a new attempt number, forgets what the old attempt's grains reported, writes the state and
    /// drives the stage again after <paramref name="delay"/>. Callbacks of the old attempt are ignored from here.
    /// </summary>
    private async Task StartStageAgainAsync(TimeSpan delay)
    {
        S.Attempts++;
        _islands.Clear();
        _stageSilos.Clear();
        await state.WriteStateAsync();
        After(delay, DriveCurrentStageAsync);
    }

    private async Task DriveCurrentStageAsync()
    {
        try
        {
            switch (S.Stage)
            {
                case TrialStage.Teacher:
                    await StartTeacherAsync();
                    break;
                case TrialStage.Student:
                    await StartIslandsAsync();
                    break;
            }
        }
        catch (Exception e) when (ClusterFaults.IsUnreachableSilo(e))
        {
            // A silo holding one of the stage's grains died and the cluster has not declared it dead
            // yet, so calls to it are refused. That says nothing about the trial and is not counted
            // against its attempts. The restart still takes a new attempt number: islands that did
            // start must begin again with the others, or the ring's migration would wait on a
            // neighbour that starts over. LastProgressUtc stays as it was, so the watchdog still ends
            // this after StageTimeout if the silo never goes.
            LogSiloUnreachable(Key, S.Stage, e.Message.Split('\n', 2)[0].TrimEnd());
            S.SiloRestarts++;
            await StartStageAgainAsync(ClusterFaults.RetryAfterUnreachable(options.Value.RetryDelay));
        }
        catch (Exception e)
        {
            LogDriveFailed(Key, e);
            await RetryOrFailAsync($"could not start stage {S.Stage}: {e.Message}");
        }
    }

    private async Task StartTeacherAsync()
    {
        var plan = S.Plan!;
        try
        {
            var silo = await GrainFactory.GetGrain<ITeacherGrain>(plan.Key).Train(plan);
            _stageSilos.Clear();
            _stageSilos.Add(silo);
        }
        catch (Exception e) when (IsMissingPool(e))
        {
            await WaitForPoolAsync("gpu", StartTeacherAsync);
        }
    }

    private async Task StartIslandsAsync()
    {
        var plan = S.Plan!;
        var count = IslandCount();
        try
        {
            // All islands at once: each call only hands over the work, and the ring's first
            // migration waits for every island anyway.
            var silos = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
                GrainFactory.GetGrain<IIslandGrain>(TrialKeys.Island(plan.Key, i))
                    .Start(new IslandJob(plan, i, count, S.Teacher!.PredictionsTrain, S.Attempts))));
            _stageSilos.Clear();
            _stageSilos.UnionWith(silos);
        }
        catch (Exception e) when (IsMissingPool(e))
        {
            await WaitForPoolAsync("cpu", StartIslandsAsync);
        }
    }

    /// <summary>Tells the sweep why this trial waits, and tries the stage again a little later.</summary>
    private async Task WaitForPoolAsync(string pool, Func<Task> retry)
    {
        S.LastProgressUtc = DateTime.UtcNow;
        await GrainFactory.GetGrain<ISweepGrain>(S.Plan!.SweepName)
            .TrialWaiting(Key, $"waiting for a silo of the {pool} pool");
        After(PlacementRetry, retry);
    }

    /// <summary>
    /// Runs <paramref name="action"/> once after <paramref name="delay"/>, replacing any step already planned.
    /// </summary>
    private void After(TimeSpan delay, Func<Task> action)
    {
        _retry?.Dispose();
        _retry = this.RegisterGrainTimer(async _ =>
        {
            _retry?.Dispose();
            _retry = null;
            await action();
        }, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    /// <summary>
    /// Orleans reports a placement whose filters left no silo as an exception about compatible silos.
    /// </summary>
    private static bool IsMissingPool(Exception e) =>
        e is OrleansException && e.Message.Contains("compatible", StringComparison.OrdinalIgnoreCase)
        || e.InnerException is not null && IsMissingPool(e.InnerException);

    private StudentMetrics ScoreStudent(TrialPlan plan, TeacherOutcome teacher, IslandOutcome[] islands)
    {
        var trialInputs = inputs.Get(plan.SpecYaml, plan.SpecPath, plan.DatasetsFolder, plan.BenchmarkIndex,
            plan.Lambda, plan.Seed);
        var front = ParetoFront.Merge(islands.SelectMany(i => i.Front).Select(p =>
            new FrontEntry(Expression.FromArrays(p.Program.Codes, p.Program.Values), p.Size, p.Error)));
        var score = StudentScoring.Score(front, trialInputs.Data, teacher.PredictionsValidation,
            teacher.PredictionsTest);
        return new StudentMetrics(score.R2Validation, score.R2Test, score.FidelityR2Test, score.Chosen.Size,
            score.Expression, score.ExpressionSympy, islands.Max(i => i.Seconds), islands.Sum(i => i.Evaluations),
            islands.Sum(i => i.MigrantsReceived), islands.Sum(i => i.MigrantsFromOtherSilos),
            islands.Select(i => i.Silo).ToArray(), score.NonFiniteRows);
    }

    /// <summary>
    /// A silo of the current stage that membership has declared dead, or no longer lists at all (a snapshot
    /// answers <see cref="SiloStatus.None"/> for a silo it has dropped), if there is one.
    /// </summary>
    private SiloAddress? DeadStageSilo()
    {
        var snapshot = membership.CurrentSnapshot;
        return _stageSilos.FirstOrDefault(s => snapshot.GetSiloStatus(s) is SiloStatus.Dead or SiloStatus.None);
    }

    private int IslandCount()
    {
        var plan = S.Plan!;
        return inputs.Get(plan.SpecYaml, plan.SpecPath, plan.DatasetsFolder, plan.BenchmarkIndex, plan.Lambda,
            plan.Seed).Settings.Islands;
    }

    private async Task FailAsync(string error)
    {
        if (Result().IsFinished)
            return;

        S.Stage = TrialStage.Failed;
        S.Error = error;
        await state.WriteStateAsync();
        metrics.TrialsFailed.Add(1);
        LogFailed(Key, error);
        await ReportEndAsync();
    }

    /// <summary>
    /// Tells the sweep, then stops the watchdog. When the sweep cannot be reached the watchdog
    /// stays and tells it again at its next tick (the sweep takes an end twice without harm).
    /// </summary>
    private async Task ReportEndAsync()
    {
        _driving = false;
        _retry?.Dispose();
        _retry = null;
        try
        {
            await GrainFactory.GetGrain<ISweepGrain>(S.Plan!.SweepName).TrialEnded(Result());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReportFailed(Key, e.Message);
            return;
        }

        try
        {
            await StopWatchdogAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReportFailed(Key, e.Message); // the next tick finds the trial ended and stops it again
        }
    }

    private async Task EnsureWatchdogAsync()
    {
        var period = options.Value.WatchdogPeriod;
        _watchdog = await this.RegisterOrUpdateReminder(WatchdogReminder, period, period);
    }

    private async Task StopWatchdogAsync()
    {
        var reminder = _watchdog ?? await this.GetReminder(WatchdogReminder);
        _watchdog = null; // should this fail, the next try looks the reminder up afresh
        if (reminder is not null)
            await this.UnregisterReminder(reminder);
    }

    private TrialResult Result()
    {
        var plan = S.Plan;
        var teacher = S.Teacher?.Metrics;
        var error = S.Stage == TrialStage.Done ? null : S.Error;
        return new TrialResult(Key, plan?.Benchmark ?? "", plan?.Lambda ?? 0, plan?.Seed ?? 0,
            S.Stage, S.Attempts, teacher, S.Student, error);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Trial {TrialKey} done: student test R2 {R2Test:F4}, {Expression}")]
    private partial void LogDone(string trialKey, double r2Test, string expression);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trial {TrialKey} failed: {Error}")]
    private partial void LogFailed(string trialKey, string error);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Trial {TrialKey} retries stage {Stage}, attempt {Attempt}: {Error}")]
    private partial void LogRetry(string trialKey, TrialStage stage, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trial {TrialKey} resumed by its watchdog at stage {Stage}")]
    private partial void LogResumed(string trialKey, TrialStage stage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trial {TrialKey} could not score its student")]
    private partial void LogScoringFailed(string trialKey, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Trial {TrialKey} ended but could not tell its sweep ({Reason}); its watchdog tries again")]
    private partial void LogReportFailed(string trialKey, string reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Trial {TrialKey} could not reach a silo for stage {Stage}, will start it again: {Reason}")]
    private partial void LogSiloUnreachable(string trialKey, TrialStage stage, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trial {TrialKey} could not start its stage")]
    private partial void LogDriveFailed(string trialKey, Exception exception);
}
