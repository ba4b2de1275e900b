namespace Sweep.Symbolic.Tests;

/// <summary>The shared hard inputs (../shared/cases) as they reach the engine.</summary>
/// <remarks>
/// duplicate_columns.csv and text_column.csv are faults of the file's columns, caught where files
/// are read (Sweep.Datasets); the engine only ever receives numbers.
/// </remarks>
public class HardInputTests
{
    private static readonly SymbolicOptions Quick = new() { Population = 100, Generations = 30 };

    [CasesFact]
    public void Exp_overflow_runs_to_the_end_with_finite_errors_and_finds_the_exponential()
    {
        var (_, x, rows, y) = SharedCases.Read("exp_overflow.csv");
        var data = new ProblemData(x, rows, 3, y);

        var front = new SymbolicRegressor(Quick, islands: 2, seed: 1).Fit(data);

        Assert.All(front, e => Assert.True(double.IsFinite(e.Error)));
        Assert.True(front[^1].Error < 1e-6 * data.TargetVariance, $"best: {front[^1].Expression}");
    }

    [CasesFact]
    public void A_constant_target_is_refused_before_the_search()
    {
        var (_, x, rows, y) = SharedCases.Read("constant_target.csv");

        var error = Assert.Throws<ProblemDataException>(() => new ProblemData(x, rows, 5, y));

        Assert.Contains("target is constant", Assert.Single(error.Problems));
    }

    [CasesFact]
    public void Missing_cells_are_refused_naming_both_rows_and_features()
    {
        var (_, x, rows, y) = SharedCases.Read("missing_cells.csv");

        var error = Assert.Throws<ProblemDataException>(() => new ProblemData(x, rows, 3, y));

        // File lines 19 and 90 are data rows 18 and 89; v and w are features 1 and 2.
        Assert.Equal(
            ["row 18, feature 1 is NaN (not a finite number)", "row 89, feature 2 is NaN (not a finite number)"],
            error.Problems);
    }

    [CasesFact]
    public void A_huge_target_fits_with_finite_errors_raw_and_standardized()
    {
        var (_, x, rows, y) = SharedCases.Read("huge_target.csv");
        var raw = new ProblemData(x, rows, 4, y);
        var mean = y.Average();
        var scale = Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / rows);
        var standardized = new ProblemData(x, rows, 4, y.Select(v => (v - mean) / scale).ToArray());

        var rawFront = new SymbolicRegressor(Quick, islands: 1, seed: 2).Fit(raw);
        var standardFront = new SymbolicRegressor(Quick, islands: 1, seed: 2).Fit(standardized);

        Assert.All(rawFront, e => Assert.True(double.IsFinite(e.Error) && e.Error <= raw.TargetVariance));
        Assert.All(standardFront, e => Assert.True(double.IsFinite(e.Error) && e.Error <= 1.0));
    }

    [CasesFact]
    public void Reserved_feature_names_survive_export_through_our_parser_exactly()
    {
        var (names, x, rows, y) = SharedCases.Read("reserved_names.csv");
        var data = new ProblemData(x, rows, names.Length, y);

        var front = new SymbolicRegressor(Quick, islands: 2, seed: 3).Fit(data);

        foreach (var entry in front)
        {
            var text = ExpressionFormatter.ToInfix(entry.Expression, names);
            var back = ExpressionParser.Parse(text, names);
            Assert.Equal(Programs.Predict(entry.Expression, data), Programs.Predict(back, data));
        }
    }

    [CasesFact]
    public void Reserved_feature_names_survive_export_through_sympy()
    {
        Assert.True(PythonSympy.Available,
            "python3 with sympy is needed for this check (apt-get install python3-sympy)");
        var (names, x, rows, y) = SharedCases.Read("reserved_names.csv");
        var data = new ProblemData(x, rows, names.Length, y);
        var front = new SymbolicRegressor(Quick, islands: 2, seed: 3).Fit(data);
        var sample = new ProblemData(x[..(20 * names.Length)], 20, names.Length, y[..20]);

        var sympy = SympyExportTests.RunSympy(front.Select(e => e.Expression).ToList(), names, sample);

        for (var k = 0; k < front.Count; k++)
        {
            var ours = Programs.Predict(front[k].Expression, sample);
            for (var r = 0; r < sample.Rows; r++)
            {
                Assert.Equal(ours[r], sympy[k][r], 1e-8 * Math.Max(1, Math.Abs(ours[r])));
            }
        }
    }

    [CasesFact]
    public void A_single_row_is_refused_before_the_search()
    {
        var (_, x, rows, y) = SharedCases.Read("one_row.csv");

        var error = Assert.Throws<ProblemDataException>(() => new ProblemData(x, rows, 2, y));

        Assert.Contains("only 1 row(s)", error.Message);
    }

    [CasesFact]
    public void An_overflowing_row_is_named_raw_and_fits_exactly_once_standardized()
    {
        var (_, x, rows, y) = SharedCases.Read("overflow_row.csv");

        var error = Assert.Throws<ProblemDataException>(() => new ProblemData(x, rows, 1, y));
        var standardized = Standardize(x, y);
        var front = new SymbolicRegressor(Quick, islands: 1, seed: 4).Fit(standardized);

        Assert.Contains(error.Problems, p => p.StartsWith("row ", StringComparison.Ordinal) && p.Contains("feature 0"));
        Assert.Contains(error.Problems, p => p.Contains("target", StringComparison.Ordinal));
        Assert.All(front, e => Assert.True(double.IsFinite(e.Error)));
        Assert.True(front[^1].Error < 1e-12, $"best: {front[^1].Expression} with MSE {front[^1].Error}");
    }

    /// <summary>Standardizes with the scale taken out first, so no square overflows (as the sweep does).</summary>
    private static ProblemData Standardize(double[] x, double[] y)
    {
        static double[] Z(double[] v)
        {
            var big = v.Max(Math.Abs);
            var scaled = v.Select(a => a / big).ToArray();
            var mean = scaled.Average();
            var sd = Math.Sqrt(scaled.Sum(a => (a - mean) * (a - mean)) / v.Length);
            return scaled.Select(a => (a - mean) / sd).ToArray();
        }

        return new ProblemData(Z(x), x.Length, 1, Z(y));
    }
}
