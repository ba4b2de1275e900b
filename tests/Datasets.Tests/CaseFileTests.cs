using System.Numerics;

namespace Sweep.Datasets.Tests;

/// <summary>Each file of ../shared/cases behaves as that folder's README says, at the data layer.</summary>
public class CaseFileTests
{
    private static Dataset Load(string file, bool dropMissing = false, IReadOnlyList<string>? dropColumns = null) =>
        DatasetLoader.Load(
            new BenchmarkSource(Path.GetFileNameWithoutExtension(file), file, null, dropMissing, dropColumns),
            SharedFolders.Datasets,
            SharedFolders.Cases);

    private static DataException LoadFails(string file, bool dropMissing = false) =>
        Assert.Throws<DataException>(() => Load(file, dropMissing));

    private static void AssertAllFinite(PreparedData data)
    {
        double[][] parts = [data.XTrain, data.XValidation, data.XTest, data.YTrain, data.YValidation, data.YTest];
        Assert.All(parts, part => Assert.All(part, v => Assert.True(double.IsFinite(v))));
        Assert.All(data.Scaler.FeatureMeans.Concat(data.Scaler.FeatureScales), v => Assert.True(double.IsFinite(v)));
        Assert.True(double.IsFinite(data.Scaler.TargetMean) && double.IsFinite(data.Scaler.TargetScale));
    }

    [Fact]
    public void Exp_overflow_loads_with_a_warning_and_prepares_into_finite_standardized_values()
    {
        var data = Load("exp_overflow.csv");

        Assert.Equal((200, 3, "y"), (data.Rows, data.Features, data.TargetName));
        var warning = Assert.Single(data.Warnings);
        Assert.Contains("exp_overflow.csv:24: column 'y': extreme magnitude 9.89E+42", warning);
        for (var seed = 1; seed <= 5; seed++)
        {
            AssertAllFinite(PreparedData.Prepare(data, new SplitFractions(), seed));
        }
    }

    [Fact]
    public void Exp_overflow_r2_is_finite_and_the_same_in_raw_and_standardized_units()
    {
        var data = Load("exp_overflow.csv");
        var truth = data.Y;
        var prediction = truth.Select((y, i) => y * (1 + (i % 5 - 2) * 0.01)).ToArray();

        var r2 = Metrics.R2(truth, prediction);

        // Reference: the textbook formula on targets scaled down by 1e40, where no square overflows.
        var scaledTruth = truth.Select(y => y * 1e-40).ToArray();
        var scaledPrediction = prediction.Select(p => p * 1e-40).ToArray();
        var mean = scaledTruth.Average();
        var reference = 1 - scaledTruth.Zip(scaledPrediction, (t, p) => (t - p) * (t - p)).Sum()
            / scaledTruth.Sum(t => (t - mean) * (t - mean));
        Assert.Equal(reference, r2, 12);
        Assert.InRange(r2, 0.99, 1);
        var scaler = Standardizer.Fit(data, Enumerable.Range(0, data.Rows).ToArray());
        var standardized = Metrics.R2(
            truth.Select(scaler.StandardizeTarget).ToArray(), prediction.Select(scaler.StandardizeTarget).ToArray());
        Assert.Equal(r2, standardized, 12);
    }

    [Fact]
    public void Constant_target_is_a_clear_error_naming_the_target_column()
    {
        var problem = Assert.Single(LoadFails("constant_target.csv").Problems);

        Assert.Equal(SharedFolders.Case("constant_target.csv"), problem.File);
        Assert.Equal(("y", null), (problem.Column, problem.Line));
        Assert.Contains("the target is constant (every row is 1); R² is undefined", problem.Message);
    }

    [Fact]
    public void Missing_cells_are_a_clear_error_naming_both_cells()
    {
        var problems = LoadFails("missing_cells.csv").Problems;

        Assert.Equal([("v", 19), ("w", 90)], problems.Select(p => (p.Column!, p.Line!.Value)));
        Assert.Contains("empty cell: missing value; set drop_missing: true", problems[0].Message);
        Assert.Contains("'NaN': missing value", problems[1].Message);
        Assert.EndsWith("missing_cells.csv:19: column 'v': empty cell: missing value; set drop_missing: true to drop "
            + "such rows", problems[0].ToString());
    }

    [Fact]
    public void Missing_cells_with_drop_missing_lose_exactly_the_two_rows_and_report_them()
    {
        var data = Load("missing_cells.csv", dropMissing: true);

        Assert.Equal((118, 2), (data.Rows, data.DroppedRows));
        Assert.Contains("dropped 2 rows with missing cells (lines 19, 90)", Assert.Single(data.Warnings));
        Assert.DoesNotContain(-0.017156, data.Y);
        Assert.DoesNotContain(-0.809445, data.Y);
        Assert.Equal(-1.362498, data.Y[0]);
        Assert.Equal(-0.757681, data.Y[87]);
    }

    [Fact]
    public void Huge_target_prepares_into_finite_values_and_its_r2_matches_an_exact_integer_reference()
    {
        var data = Load("huge_target.csv");
        var truth = data.Y;
        var prediction = truth.Select((y, i) => y + (i % 7 - 3) * 1e25).ToArray();

        var r2 = Metrics.R2(truth, prediction);

        Assert.Equal(ExactR2(truth, prediction), r2, 12);
        Assert.Contains("huge_target.csv:185: column 'y': extreme magnitude 9.46E+26", Assert.Single(data.Warnings));
        var all = Enumerable.Range(0, data.Rows).ToArray();
        var scaler = Standardizer.Fit(data, all);
        var standardizedTruth = truth.Select(scaler.StandardizeTarget).ToArray();
        var standardizedPrediction = prediction.Select(scaler.StandardizeTarget).ToArray();
        Assert.Equal(r2, Metrics.R2(standardizedTruth, standardizedPrediction), 12);
        AssertAllFinite(PreparedData.Prepare(data, new SplitFractions(), 3));
    }

    [Fact]
    public void Reserved_names_stay_plain_feature_names()
    {
        var data = Load("reserved_names.csv");

        Assert.Equal(["N", "E", "I", "S", "lambda", "pi"], data.FeatureNames);
        Assert.Equal("y", data.TargetName);
        Assert.Equal([0.522501, 1.566057, 1.541995, 1.664207, 0.847347, 0.782472], data.X[..6]);
        Assert.Empty(data.Warnings);
    }

    [Fact]
    public void Duplicate_columns_are_a_clear_error_naming_the_column_and_its_positions()
    {
        var problem = Assert.Single(LoadFails("duplicate_columns.csv").Problems);

        Assert.Equal(("x", 1), (problem.Column, problem.Line));
        Assert.Contains("appears 2 times (columns 1, 2); column names must be unique", problem.Message);
    }

    [Fact]
    public void Text_column_is_a_clear_error_naming_the_column()
    {
        var problem = Assert.Single(LoadFails("text_column.csv").Problems);

        Assert.Equal(("label", 2), (problem.Column, problem.Line));
        Assert.Contains("holds text in 50 of 50 rows (first at line 2: '\"green\" bus')", problem.Message);
        Assert.Contains("drop_columns: [label]", problem.Message);
    }

    [Fact]
    public void Text_column_loads_once_the_label_is_dropped()
    {
        var data = Load("text_column.csv", dropColumns: ["label"]);

        Assert.Equal(["size"], data.FeatureNames);
        Assert.Equal(50, data.Rows);
        Assert.Equal((0.6572, 2.9716), (data.X[0], data.Y[0]));
    }

    [Fact]
    public void One_row_loads_but_cannot_be_split_and_says_how_many_rows_the_split_needs()
    {
        var data = Load("one_row.csv");

        var error = Assert.Throws<DataException>(() => PreparedData.Prepare(data, new SplitFractions(), 1));

        Assert.Equal(1, data.Rows);
        Assert.Empty(data.Warnings);
        var problem = Assert.Single(error.Problems);
        Assert.Equal(SharedFolders.Case("one_row.csv"), problem.File);
        Assert.Contains("too few rows for the requested split: 1 data row cannot be split", problem.Message);
        Assert.Contains("this split needs at least 8 rows", problem.Message);
    }

    [Fact]
    public void Overflow_row_prepares_into_finite_values_wherever_the_huge_row_lands()
    {
        var data = Load("overflow_row.csv");
        var hugeRow = Array.IndexOf(data.X, 1.7e308);
        var landings = new HashSet<string>();

        for (var seed = 1; seed <= 12; seed++)
        {
            var prepared = PreparedData.Prepare(data, new SplitFractions(), seed);
            AssertAllFinite(prepared);
            landings.Add(prepared.Split.Train.Contains(hugeRow) ? "train" : "held out");
        }

        Assert.Equal(40, hugeRow);
        Assert.Equal(["train", "held out"], landings.Order().Reverse());
        Assert.Equal(2, data.Warnings.Count(w => w.Contains("overflow_row.csv:42: column '")));
    }

    /// <summary>R² of integral doubles, exactly in integers: 1 − n·SSres / (n·Σy² − (Σy)²).</summary>
    private static double ExactR2(double[] truth, double[] prediction)
    {
        var n = new BigInteger(truth.Length);
        var residual = BigInteger.Zero;
        var sum = BigInteger.Zero;
        var squares = BigInteger.Zero;
        for (var i = 0; i < truth.Length; i++)
        {
            var y = new BigInteger(truth[i]);
            var error = y - new BigInteger(prediction[i]);
            residual += error * error;
            sum += y;
            squares += y * y;
        }

        return 1 - (double)(n * residual) / (double)(n * squares - sum * sum);
    }
}
