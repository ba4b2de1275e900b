using static System.FormattableString;

namespace Sweep.Symbolic;

/// <summary>
/// One data set for the engine: features and target, checked once and stored column-major so
/// that the evaluator reads each feature as a contiguous span.
/// </summary>
/// <remarks>
/// Rejected before any search (<see cref="ProblemDataException"/> lists all faults at once):
/// fewer than <see cref="MinRows"/> rows, a non-finite cell (named by 1-based row and 0-based
/// feature), a constant target (the fit has nothing to explain and R² is undefined), and values
/// whose magnitude exceeds <see cref="MaxMagnitude"/> (their squares overflow double precision, so
/// standardize such data first). A constant feature is allowed and reported in <see cref="Warnings"/>.
/// </remarks>
public sealed class ProblemData
{
    /// <summary>The fewest rows the engine accepts.</summary>
    public const int MinRows = 2;

    /// <summary>Largest accepted |value|; 1e150 squared is still finite.</summary>
    public const double MaxMagnitude = 1e150;

    private readonly AlignedArray _columns;
    private readonly double[] _target;

    /// <summary>Copies the data; <paramref name="xRowMajor"/>[r · features + j] is feature j of row r.</summary>
    public ProblemData(double[] xRowMajor, int rows, int features, double[] target)
        : this(xRowMajor, rows, features, target, validate: true)
    {
    }

    private ProblemData(double[] xRowMajor, int rows, int features, double[] target, bool validate)
    {
        ArgumentNullException.ThrowIfNull(xRowMajor);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(features);
        if (xRowMajor.Length != (long)rows * features)
        {
            throw new ArgumentException(
                $"xRowMajor has {xRowMajor.Length} values; {rows} rows × {features} features need {rows * features}.");
        }

        if (target.Length != rows)
        {
            throw new ArgumentException($"target has {target.Length} values but there are {rows} rows.");
        }

        var problems = validate ? FindProblems(xRowMajor, rows, features, target) : [];
        if (problems.Count > 0)
        {
            throw new ProblemDataException(problems);
        }

        Rows = rows;
        Features = features;
        _target = (double[])target.Clone();
        _columns = new AlignedArray(xRowMajor.Length);
        var columns = _columns.Span;
        for (var r = 0; r < rows; r++)
        {
            for (var j = 0; j < features; j++)
            {
                columns[(j * rows) + r] = xRowMajor[(r * features) + j];
            }
        }

        TargetMean = _target.Average();
        TargetVariance = _target.Sum(y => (y - TargetMean) * (y - TargetMean)) / rows;
        Warnings = Enumerable.Range(0, features)
            .Where(j => Column(j).IndexOfAnyExcept(Column(j)[0]) < 0)
            .Select(j => Invariant($"feature {j} is constant ({Column(j)[0]:R}); it can only act as a constant"))
            .ToArray();
    }

    /// <summary>Number of rows (samples).</summary>
    public int Rows { get; }

    /// <summary>Number of features (columns besides the target).</summary>
    public int Features { get; }

    /// <summary>Mean of the target.</summary>
    public double TargetMean { get; }

    /// <summary>Population variance of the target, (1/n)·Σ(y − ȳ)²; the MSE of the best constant.</summary>
    public double TargetVariance { get; }

    /// <summary>Conditions that do not stop the search but deserve a look, such as constant features.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The target values.</summary>
    public ReadOnlySpan<double> Target => _target;

    /// <summary>All rows of feature <paramref name="feature"/>.</summary>
    public ReadOnlySpan<double> Column(int feature) => _columns.Slice(feature * Rows, Rows);

    /// <summary>
    /// Inputs to predict on, with no target (all zeros). Unlike training data they are not checked:
    /// a held-out row may lie far outside the training range, and the prediction there may overflow;
    /// the caller decides what a non-finite prediction means.
    /// </summary>
    public static ProblemData ForPrediction(double[] xRowMajor, int rows, int features) =>
        new(xRowMajor, rows, features, new double[rows], validate: false);

    /// <summary>Lists every reason the data cannot be searched, without throwing.</summary>
    public static IReadOnlyList<string> FindProblems(double[] xRowMajor, int rows, int features, double[] target)
    {
        ArgumentNullException.ThrowIfNull(xRowMajor);
        ArgumentNullException.ThrowIfNull(target);
        var problems = new List<string>();
        if (rows < MinRows)
        {
            problems.Add($"only {rows} row(s); at least {MinRows} are needed");
        }

        const int maxListed = 10;
        var listed = 0;
        for (var r = 0; r < rows; r++)
        {
            for (var j = 0; j < features; j++)
            {
                var v = xRowMajor[(r * features) + j];
                if (!double.IsFinite(v) || Math.Abs(v) > MaxMagnitude)
                {
                    if (listed++ < maxListed)
                    {
                        problems.Add(DescribeCell($"row {r + 1}, feature {j}", v));
                    }
                }
            }

            var y = target[r];
            if ((!double.IsFinite(y) || Math.Abs(y) > MaxMagnitude) && listed++ < maxListed)
            {
                problems.Add(DescribeCell($"row {r + 1}, target", y));
            }
        }

        if (listed > maxListed)
        {
            problems.Add($"{listed - maxListed} more bad cells not listed");
        }

        if (rows >= MinRows && target.AsSpan(0, rows).IndexOfAnyExcept(target[0]) < 0)
        {
            problems.Add(Invariant(
                $"the target is constant ({target[0]}), so there is nothing to fit and R² is undefined"));
        }

        return problems;
    }

    private static string DescribeCell(string where, double value) => double.IsFinite(value)
        ? Invariant($"{where} is {value:R}, beyond ±{MaxMagnitude:R}; standardize the data first")
        : Invariant($"{where} is {value} (not a finite number)");
}
