namespace Sweep.Experiment;

/// <summary>
/// One row of <c>trials.csv</c>: the outcome of one trial (benchmark × λ × seed). Scores are R² values
/// (dimensionless); times are wall-clock seconds. A score is null when the trial did not reach the stage
/// that produces it.
/// </summary>
/// <param name="Benchmark">Benchmark name.</param>
/// <param name="Lambda">Penalty weight λ of the teacher.</param>
/// <param name="Seed">Seed of the split, the teacher and the student.</param>
/// <param name="Status">How the trial ended; see <see cref="TrialStatus"/>.</param>
/// <param name="TeacherR2Train">Teacher R² against the true targets on the training rows.</param>
/// <param name="TeacherR2Validation">Teacher R² on the validation rows.</param>
/// <param name="TeacherR2Test">Teacher R² on the test rows.</param>
/// <param name="TeacherGradientNormTest">Mean of ‖∂f(x)/∂x‖² of the teacher over the test rows, in
/// standardized units.</param>
/// <param name="StudentR2Validation">Student formula R² against the true targets on the validation rows.</param>
/// <param name="StudentR2Test">Student formula R² against the true targets on the test rows.</param>
/// <param name="FidelityR2Test">Student R² against the teacher's predictions on the test rows.</param>
/// <param name="StudentSize">Nodes of the evolved student program, the size the spec's <c>max_size</c> limits, so
/// at most <c>max_size</c>. The linear scaling a·f + b fitted to it (up to four nodes) and the mapping back to
/// original units are not counted, so <paramref name="Expression"/> can print more nodes.</param>
/// <param name="Expression">The student formula in the original feature names.</param>
/// <param name="ExpressionSympy">The formula as a SymPy-parsable string.</param>
/// <param name="TeacherSeconds">Wall time of teacher training.</param>
/// <param name="StudentSeconds">Wall time of the student search.</param>
/// <param name="Attempts">How many times the trial was started (more than 1 after a resume or retry).</param>
/// <param name="Error">Why the trial failed; null when it succeeded.</param>
/// <param name="StudentNonFiniteRows">Validation and test rows on which the student formula's value was not
/// finite (an overflow far outside the training range); those rows are scored as if the formula predicted
/// the training mean. Zero in almost every trial.</param>
public sealed record TrialRecord(
    string Benchmark,
    double Lambda,
    int Seed,
    string Status,
    double? TeacherR2Train,
    double? TeacherR2Validation,
    double? TeacherR2Test,
    double? TeacherGradientNormTest,
    double? StudentR2Validation,
    double? StudentR2Test,
    double? FidelityR2Test,
    int? StudentSize,
    string? Expression,
    string? ExpressionSympy,
    double? TeacherSeconds,
    double? StudentSeconds,
    int Attempts,
    string? Error,
    int? StudentNonFiniteRows = null);
