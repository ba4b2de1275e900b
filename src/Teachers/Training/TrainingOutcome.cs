namespace Sweep.Teachers.Training;

/// <summary>How the epochs of one training went.</summary>
/// <param name="FinalTrainLoss">Mean training objective over the steps of the last epoch.</param>
/// <param name="BestValidationLoss">Lowest validation MSE seen; NaN without validation rows.</param>
/// <param name="BestEpoch">1-based epoch of that loss; the last epoch without validation rows.</param>
/// <param name="EpochsRun">Epochs trained.</param>
internal sealed record TrainingOutcome(double FinalTrainLoss, double BestValidationLoss, int BestEpoch, int EpochsRun);
