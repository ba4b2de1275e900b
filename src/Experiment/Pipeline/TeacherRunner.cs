using Sweep.Datasets;
using Sweep.Teachers;

namespace Sweep.Experiment;

/// <summary>Trains a trial's teacher on its standardized data.</summary>
public static class TeacherRunner
{
    /// <summary>
    /// Standardized inputs are clipped to ±this many standard deviations before they reach the
    /// float32 network. A held-out row can lie absurdly far from the training rows (1e307
    /// standard deviations in a data set with one overflowing row), which float32 cannot hold;
    /// a tanh network is saturated long before this bound, so clipping changes no prediction
    /// that could have been finite.
    /// </summary>
    public const double InputClip = 1e6;

    /// <summary>Trains on the train rows; validation rows drive early stopping; test rows are only scored.</summary>
    /// <remarks>
    /// The result's R² figures are against the true targets in original units: the network's outputs mapped
    /// back by the training statistics, against the raw targets, as <see cref="StudentScoring"/> scores the
    /// student. They agree with R² in standardized units up to rounding, except where a huge training target
    /// makes every other target standardize to the same double. An output whose value in original units lies
    /// beyond the double range is scored as the training mean, the student's rule. Losses, gradients and
    /// predictions stay in standardized units.
    /// </remarks>
    /// <param name="threads">Intra-op threads for this training; 0 keeps the options' value.</param>
    /// <param name="device">
    /// The silo's device (<c>cpu</c>, <c>cuda</c>, <c>auto</c>); null keeps the options' value.
    /// </param>
    /// <exception cref="TrialFailureException">
    /// The training diverged (a NaN or infinite loss or output at this λ and learning rate); the message names the
    /// epoch, the loss and λ. The same trial would diverge again, so it is not retried.
    /// </exception>
    public static TeacherResult Train(TrialInputs inputs, int seed, int threads, string? device, CancellationToken ct)
    {
        var data = inputs.Data;
        var teacherData = new TeacherData(Clip(data.XTrain), data.YTrain, Clip(data.XValidation), data.YValidation,
            Clip(data.XTest), data.YTest, data.Features);
        var options = inputs.Settings.Teacher;
        if (threads > 0)
            options = options with { Threads = threads };
        if (device is not null)
            options = options with { Device = device };
        try
        {
            return InOriginalUnits(TeacherTrainer.Train(teacherData, options, seed, ct), data);
        }
        catch (TeacherDivergenceException e)
        {
            throw new TrialFailureException(e.Message, e);
        }
    }

    private static TeacherResult InOriginalUnits(TeacherResult result, PreparedData data) => result with
    {
        R2Train = R2(data.RawYTrain, result.PredictionsTrain, data.Scaler),
        R2Validation = R2(data.RawYValidation, result.PredictionsValidation, data.Scaler),
        R2Test = R2(data.RawYTest, result.PredictionsTest, data.Scaler),
    };

    /// <summary>R² of standardized predictions against raw targets; NaN for an empty part, as the trainer's.</summary>
    private static double R2(double[] rawTargets, double[] standardized, Standardizer scaler) =>
        rawTargets.Length == 0
            ? double.NaN
            : Metrics.R2(rawTargets, OriginalUnits.Restore(scaler, standardized, out _));

    private static double[] Clip(double[] x) =>
        x.All(v => Math.Abs(v) <= InputClip) ? x : x.Select(v => Math.Clamp(v, -InputClip, InputClip)).ToArray();
}
