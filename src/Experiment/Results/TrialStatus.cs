namespace Sweep.Experiment;

/// <summary>The values of <see cref="TrialRecord.Status"/> that the result tables give a meaning to.</summary>
/// <remarks>
/// Other values (a trial still at its teacher or student stage, or pending) count in
/// <see cref="BenchmarkSummary.Trials"/> only.
/// </remarks>
public static class TrialStatus
{
    /// <summary>Every stage finished; the trial's scores enter the summary. Written <c>done</c>.</summary>
    public const string Succeeded = "done";

    /// <summary>The trial stopped with an error; it is counted in <see cref="BenchmarkSummary.Failed"/>.</summary>
    public const string Failed = "failed";
}
