using System.Globalization;

namespace Sweep.Teachers;

/// <summary>
/// The rows a teacher learns from and is scored on. Inputs are row-major (row r, feature j at
/// <c>r · Features + j</c>); inputs and targets are expected standardized with the training statistics, so that
/// losses and λ mean the same on every data set.
/// </summary>
/// <remarks>
/// Validation and test sets may be empty; their R² is then NaN and early stopping is off. Inputs and training
/// targets must fit float32, the type the network computes in. Validation and test targets need only be finite
/// doubles: they are scored in double precision, and a validation row whose target lies beyond
/// ±<see cref="StoppingTargetLimit"/> (a row that overflowed the standardization, say) is left out of the loss
/// that early stopping ranks epochs by, though it still counts in the validation R².
/// </remarks>
public sealed record TeacherData(
    double[] XTrain,
    double[] YTrain,
    double[] XValidation,
    double[] YValidation,
    double[] XTest,
    double[] YTest,
    int Features)
{
    /// <summary>
    /// Validation targets beyond ±this many (standardized) units are left out of the early-stopping loss. No
    /// network output comes near such a row, so its squared error would only add a near-constant that, in
    /// float32, swamps every other row's error or overflows; at 1e15 the square (1e30) and a sum of millions of
    /// them still fit float32, and no row of real data standardizes that far.
    /// </summary>
    public const double StoppingTargetLimit = 1e15;

    /// <summary>
    /// Further inputs, row-major and standardized like the others, on which the trained teacher's outputs are
    /// wanted (<see cref="TeacherResult.PredictionsQuery"/>); they take no part in training. Default none.
    /// </summary>
    public double[] XQuery { get; init; } = [];

    /// <summary>Number of training rows.</summary>
    public int TrainRows => YTrain.Length;

    /// <summary>Every problem with the shapes and values, each naming the set and the bad value.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Features < 1)
        {
            problems.Add($"Features must be at least 1, got {Features}.");
            return problems;
        }

        CheckSet("train", XTrain, YTrain, Trainable, problems);
        CheckSet("validation", XValidation, YValidation, double.IsFinite, problems);
        CheckSet("test", XTest, YTest, double.IsFinite, problems);
        if (XQuery is null || XQuery.Length % Features != 0)
        {
            problems.Add($"The query inputs hold {XQuery?.Length.ToString(CultureInfo.InvariantCulture) ?? "null"} "
                + $"values, not a whole number of rows of {Features} features.");
        }
        else if (Array.FindIndex(XQuery, value => !Trainable(value)) is var badQuery and >= 0)
        {
            problems.Add($"The query input at row {badQuery / Features}, feature {badQuery % Features} is "
                + $"{Format(XQuery[badQuery])}; {Requirement}");
        }

        if (YTrain is { Length: < 2 })
            problems.Add($"The train set needs at least 2 rows, got {YTrain.Length}.");

        return problems;
    }

    private const string Requirement = "every value must be finite and within the float32 range (±3.4e38) that "
        + "training uses.";

    private const string HeldOutRequirement = "validation and test targets must be finite.";

    /// <summary>Finite and representable as float32, the element type the network trains in.</summary>
    private static bool Trainable(double value) => Math.Abs(value) <= float.MaxValue;

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private void CheckSet(
        string name, double[]? x, double[]? y, Predicate<double> usableTarget, List<string> problems)
    {
        if (x is null || y is null)
        {
            problems.Add($"The {name} inputs and targets must not be null.");
            return;
        }

        if (x.Length != y.Length * (long)Features)
        {
            problems.Add($"The {name} inputs hold {x.Length} values, but {y.Length} rows of {Features} features "
                + $"need {y.Length * (long)Features}.");
            return;
        }

        var badInput = Array.FindIndex(x, value => !Trainable(value));
        if (badInput >= 0)
        {
            problems.Add($"The {name} input at row {badInput / Features}, feature {badInput % Features} is "
                + $"{Format(x[badInput])}; {Requirement}");
        }

        var badTarget = Array.FindIndex(y, value => !usableTarget(value));
        if (badTarget >= 0)
        {
            problems.Add($"The {name} target at row {badTarget} is {Format(y[badTarget])}; "
                + (name == "train" ? Requirement : HeldOutRequirement));
        }
    }
}
