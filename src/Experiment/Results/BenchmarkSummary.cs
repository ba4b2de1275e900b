namespace Sweep.Experiment;

/// <summary>
/// One row of <c>summary.csv</c>: what the penalty did for one benchmark. Scores are means over seeds of
/// succeeded trials; null where no succeeded trial provides them.
/// </summary>
/// <param name="Benchmark">Benchmark name.</param>
/// <param name="BaselineStudentR2Test">Mean student test R² at λ = 0.</param>
/// <param name="BestLambda">The λ with the highest mean student R² on validation (test is never used to
/// choose).</param>
/// <param name="BestStudentR2Test">Mean student test R² at <see cref="BestLambda"/>.</param>
/// <param name="RelativeImprovement">(best − baseline) / |baseline|; null when the baseline is 0 or
/// missing.</param>
/// <param name="BaselineTeacherR2Test">Mean teacher test R² at λ = 0.</param>
/// <param name="BestTeacherR2Test">Mean teacher test R² at <see cref="BestLambda"/>.</param>
/// <param name="Trials">Trials of the benchmark, whatever their status.</param>
/// <param name="Failed">Trials of the benchmark with status <see cref="TrialStatus.Failed"/>.</param>
public sealed record BenchmarkSummary(
    string Benchmark,
    double? BaselineStudentR2Test,
    double? BestLambda,
    double? BestStudentR2Test,
    double? RelativeImprovement,
    double? BaselineTeacherR2Test,
    double? BestTeacherR2Test,
    int Trials,
    int Failed);
