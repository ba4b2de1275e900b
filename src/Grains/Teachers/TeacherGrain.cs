using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Sweep.Experiment;
using Sweep.Grains.Hosting;
using Sweep.Grains.Placement;

namespace Sweep.Grains.Teachers;

/// <summary>
/// Trains one trial's teacher on a silo of the gpu pool. The training runs on the thread pool,
/// off the grain scheduler, and its result is sent back to the trial grain; the call that asks
/// for it returns at once, so no grain call waits for minutes.
/// </summary>
[PoolPlacement(SiloPools.Gpu)]
[ActivationCountBasedPlacement]
public sealed partial class TeacherGrain(
    TrialInputCache inputs,
    TrainingSlots slots,
    SweepMetrics metrics,
    IOptions<SweepSiloOptions> options,
    ILocalSiloDetails silo,
    ILogger<TeacherGrain> logger) : Grain, ITeacherGrain
{
    /// <summary>How often a training in progress tells its trial that it is alive.</summary>
    private static readonly TimeSpan HeartbeatPeriod = TimeSpan.FromSeconds(30);

    private Task? _training;

    /// <summary>Starts the training unless one is running; answers with this silo, where it runs.</summary>
    public Task<SiloAddress> Train(TrialPlan plan)
    {
        if (_training is not { IsCompleted: false })
            _training = RunAsync(plan);
        return Task.FromResult(silo.SiloAddress);
    }

    private async Task RunAsync(TrialPlan plan)
    {
        var trial = GrainFactory.GetGrain<ITrialGrain>(plan.Key);
        TeacherOutcome outcome;
        try
        {
            DelayDeactivation(TimeSpan.FromHours(1));
            await slots.WaitAsync();
            try
            {
                var training = slots.Run(ct => TrainOffScheduler(plan, ct));
                while (await Task.WhenAny(training, Task.Delay(HeartbeatPeriod)) != training)
                    await trial.Heartbeat(TrialStage.Teacher, attempt: null);
                outcome = await training;
            }
            finally
            {
                slots.Release();
            }
        }
        catch (OperationCanceledException) when (slots.Stopping.IsCancellationRequested)
        {
            // The silo stops. The trial is still at its teacher stage in storage and trains again when next driven.
            return;
        }
        catch (Exception e)
        {
            LogTrainingFailed(plan.Key, e);
            await trial.TeacherFailed($"teacher training failed: {e.Message}",
                retryable: e is not TrialFailureException);
            DeactivateOnIdle();
            return;
        }

        metrics.TeacherSeconds.Record(outcome.Metrics.Seconds);
        LogTrained(plan.Key, outcome.Metrics.R2Test, outcome.Metrics.Seconds);
        await trial.TeacherCompleted(outcome);
        DeactivateOnIdle();
    }

    private TeacherOutcome TrainOffScheduler(TrialPlan plan, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var trialInputs = inputs.Get(plan.SpecYaml, plan.SpecPath, plan.DatasetsFolder, plan.BenchmarkIndex,
            plan.Lambda, plan.Seed);
        var result = TeacherRunner.Train(trialInputs, plan.Seed, options.Value.EffectiveTeacherThreads,
            options.Value.Device, ct);
        var scores = new TeacherMetrics(result.R2Train, result.R2Validation, result.R2Test,
            result.MeanSquaredInputGradientTest, result.EpochsRun, clock.Elapsed.TotalSeconds,
            silo.SiloAddress.ToString());
        return new TeacherOutcome(scores, result.PredictionsTrain, result.PredictionsValidation,
            result.PredictionsTest);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Teacher of {TrialKey} trained: test R2 {R2Test:F4} in {Seconds:F1} s")]
    private partial void LogTrained(string trialKey, double r2Test, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teacher of {TrialKey} failed")]
    private partial void LogTrainingFailed(string trialKey, Exception exception);
}
