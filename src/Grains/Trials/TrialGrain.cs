using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Sweep.Experiment;
using Sweep.Symbolic;

namespace Sweep.Grains.Trials;

/// <summary>
/// Drives one trial: teacher, then student islands, then scoring. The state is persisted after
/// every stage; a reactivated trial continues from the last persisted stage. Callbacks that
/// arrive for a stage the trial has already left (a duplicate after a silo failure) are ignored,
/// so a trial completes once.
/// </summary>
public sealed partial class TrialGrain(
    [PersistentState("trial", StorageNames.Sweep)] IPersistentState<TrialState> state,
    TrialInputCache inputs,
    SweepMetrics metrics,
    ILogger<TrialGrain> logger) : Grain, ITrialGrain
{
    private static readonly TimeSpan PlacementRetry = TimeSpan.FromSeconds(5);

    private readonly Dictionary<int, IslandOutcome> _islands = [];
    private bool _driving;
    private IGrainTimer? _retry;

    private TrialState S => state.State;

    public async Task<TrialResult> Start(TrialPlan plan)
    {
        if (S.Plan is null)
        {
            S.Plan = plan;
            S.Stage = TrialStage.Teacher;
            S.Attempts = 1;
            await state.WriteStateAsync();
            metrics.TrialsStarted.Add(1);
        }

        if (!_driving && !Result().IsFinished)
        {
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
        await state.WriteStateAsync();
        await StartIslandsAsync();
    }

    public Task TeacherFailed(string error) =>
        S.Stage == TrialStage.Teacher ? FailAsync(error) : Task.CompletedTask;

    public async Task IslandCompleted(IslandOutcome outcome)
    {
        if (S.Stage != TrialStage.Student || S.Plan is null || S.Teacher is null)
            return;

        _islands[outcome.Index] = outcome;
        if (_islands.Count < IslandCount())
            return;

        StudentMetrics student;
        try
        {
            student = await Task.Run(() => ScoreStudent(S.Plan, S.Teacher, _islands.Values.ToArray()));
        }
        catch (Exception e)
        {
            await FailAsync($"student scoring failed: {e.Message}");
            return;
        }

        S.Student = student;
        S.Stage = TrialStage.Done;
        await state.WriteStateAsync();
        metrics.TrialsCompleted.Add(1);
        LogDone(this.GetPrimaryKeyString(), student.R2Test, student.Expression);
        await ReportEndAsync();
    }

    public Task IslandFailed(int index, string error) =>
        S.Stage == TrialStage.Student ? FailAsync(error) : Task.CompletedTask;

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
        catch (Exception e)
        {
            LogDriveFailed(this.GetPrimaryKeyString(), e);
            await FailAsync($"could not start stage {S.Stage}: {e.Message}");
        }
    }

    private async Task StartTeacherAsync()
    {
        var plan = S.Plan!;
        try
        {
            await GrainFactory.GetGrain<ITeacherGrain>(plan.Key).Train(plan);
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
        _islands.Clear();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var job = new IslandJob(plan, i, count, S.Teacher!.PredictionsTrain);
                await GrainFactory.GetGrain<IIslandGrain>(TrialKeys.Island(plan.Key, i)).Start(job);
            }
        }
        catch (Exception e) when (IsMissingPool(e))
        {
            await WaitForPoolAsync("cpu", StartIslandsAsync);
        }
    }

    /// <summary>Tells the sweep why this trial waits, and tries the stage again a little later.</summary>
    private async Task WaitForPoolAsync(string pool, Func<Task> retry)
    {
        var key = this.GetPrimaryKeyString();
        await GrainFactory.GetGrain<ISweepGrain>(S.Plan!.SweepName)
            .TrialWaiting(key, $"waiting for a silo of the {pool} pool");
        _retry?.Dispose();
        _retry = this.RegisterGrainTimer(async _ =>
        {
            _retry?.Dispose();
            _retry = null;
            await retry();
        }, new GrainTimerCreationOptions(PlacementRetry, Timeout.InfiniteTimeSpan));
    }

    /// <summary>Orleans reports a placement whose filters left no silo as an exception about compatible silos.</summary>
    private static bool IsMissingPool(Exception e) =>
        e is OrleansException && e.Message.Contains("compatible", StringComparison.OrdinalIgnoreCase)
        || e.InnerException is not null && IsMissingPool(e.InnerException);

    private StudentMetrics ScoreStudent(TrialPlan plan, TeacherOutcome teacher, IslandOutcome[] islands)
    {
        var trialInputs = inputs.Get(plan.SpecYaml, plan.SpecPath, plan.DatasetsFolder, plan.BenchmarkIndex,
            plan.Lambda, plan.Seed);
        var front = ParetoFront.Merge(islands.SelectMany(i => i.Front).Select(p =>
            new FrontEntry(Expression.FromArrays(p.Program.Codes, p.Program.Values), p.Size, p.Error)));
        var score = StudentScoring.Score(front, trialInputs.Data, teacher.PredictionsValidation, teacher.PredictionsTest);
        return new StudentMetrics(score.R2Validation, score.R2Test, score.FidelityR2Test, score.Chosen.Size,
            score.Expression, score.ExpressionSympy, islands.Max(i => i.Seconds), islands.Sum(i => i.Evaluations),
            islands.Sum(i => i.MigrantsReceived), islands.Sum(i => i.MigrantsFromOtherSilos),
            islands.OrderBy(i => i.Index).Select(i => i.Silo).ToArray());
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
        LogFailed(this.GetPrimaryKeyString(), error);
        await ReportEndAsync();
    }

    private Task ReportEndAsync()
    {
        _driving = false;
        return GrainFactory.GetGrain<ISweepGrain>(S.Plan!.SweepName).TrialEnded(Result());
    }

    private TrialResult Result()
    {
        var plan = S.Plan;
        var teacher = S.Teacher is { } t
            ? new TeacherMetrics(t.R2Train, t.R2Validation, t.R2Test, t.MeanSquaredInputGradientTest, t.EpochsRun,
                t.Seconds, t.Silo)
            : null;
        return new TrialResult(this.GetPrimaryKeyString(), plan?.Benchmark ?? "", plan?.Lambda ?? 0, plan?.Seed ?? 0,
            S.Stage, S.Attempts, teacher, S.Student, S.Error);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trial {TrialKey} done: student test R2 {R2Test:F4}, {Expression}")]
    private partial void LogDone(string trialKey, double r2Test, string expression);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trial {TrialKey} failed: {Error}")]
    private partial void LogFailed(string trialKey, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trial {TrialKey} could not start its stage")]
    private partial void LogDriveFailed(string trialKey, Exception exception);
}
