namespace Sweep.Experiment;

/// <summary>
/// A trial failure that would recur on every attempt, because it follows from the trial's own
/// data and settings (a teacher whose loss diverges at this λ, a data set that cannot be split):
/// the sweep records it at once instead of retrying the stage.
/// </summary>
public sealed class TrialFailureException(string message, Exception? inner = null) : Exception(message, inner);
