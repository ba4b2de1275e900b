namespace Sweep.Teachers;

/// <summary>What one teacher training produced, measured on standardized targets.</summary>
/// <param name="R2Train">Coefficient of determination 1 − SS_res / SS_tot of the teacher on the train rows.</param>
/// <param name="R2Validation">R² on the validation rows; NaN when there are none.</param>
/// <param name="R2Test">R² on the test rows; NaN when there are none.</param>
/// <param name="FinalTrainLoss">
/// The training objective MSE + λ · penalty, averaged over the optimizer steps of the last epoch run.
/// </param>
/// <param name="BestValidationLoss">The lowest validation MSE over the epochs, on the validation rows early stopping
/// uses (all but those beyond <see cref="TeacherData.StoppingTargetLimit"/>); NaN without such rows.</param>
/// <param name="BestEpoch">The 1-based epoch of <paramref name="BestValidationLoss"/> (the last epoch without
/// validation rows).</param>
/// <param name="EpochsRun">Epochs trained, fewer than asked for when early stopping ended training.</param>
/// <param name="MeanSquaredInputGradientTest">
/// The mean over test rows of ‖∂f(x)/∂x‖², the squared norm of the final network's input-gradient, in squared
/// standardized target units per squared standardized input unit; it shows how much λ smoothed the function.
/// NaN without test rows.
/// </param>
/// <param name="Seconds">Wall-clock seconds of the whole training call.</param>
/// <param name="PredictionsTrain">The final network's outputs on the train rows, standardized units.</param>
/// <param name="PredictionsValidation">The final network's outputs on the validation rows.</param>
/// <param name="PredictionsTest">The final network's outputs on the test rows.</param>
public sealed record TeacherResult(
    double R2Train,
    double R2Validation,
    double R2Test,
    double FinalTrainLoss,
    double BestValidationLoss,
    int BestEpoch,
    int EpochsRun,
    double MeanSquaredInputGradientTest,
    double Seconds,
    double[] PredictionsTrain,
    double[] PredictionsValidation,
    double[] PredictionsTest)
{
    /// <summary>The final network's outputs on <see cref="TeacherData.XQuery"/>, one per query row.</summary>
    public double[] PredictionsQuery { get; init; } = [];

    /// <summary>The device the network was trained on: "cpu" or "cuda".</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Why that device was chosen, in words a log line can carry.</summary>
    public string DeviceReason { get; init; } = "";
}
