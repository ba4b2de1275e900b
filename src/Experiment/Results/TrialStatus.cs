namespace Sweep.Experiment;

/// <summary>The values of <see cref="TrialRecord.Status"/> that the result tables give a meaning to.</summary>
public static class TrialStatus
{
    /// <summary>Every stage finished; the trial's scores enter the summary.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>The trial stopped with an error; it is counted in <see cref="BenchmarkSummary.Failed"/>.</summary>
    public const string Failed = "failed";
}
