using Sweep.Datasets;
using Sweep.Symbolic;

namespace Sweep.Experiment.Tests.Pipeline;

/// <summary>
/// overflow_row.csv (y = 2x on 99 rows; one row has x = y = 1.7e308) through the data side of a trial: load,
/// split, standardize, score a known formula and train a small teacher. Every score is finite and, where the
/// data still hold the information, equal to a reference computed in raw units.
/// </summary>
public sealed class OverflowRowTests
{
    /// <summary>The 0-based data row of x = y = 1.7e308 (line 42 of the file).</summary>
    private const int HugeRow = 40;

    private static readonly string SpecPath = Path.Combine(RepositoryFolders.Cases, "overflow.yaml");

    private const string Spec = "name: overflow\nbenchmarks:\n  - name: overflow_row\n    path: overflow_row.csv\n"
        + "lambdas: [0.01]\nseeds: [1]\nteacher: { hidden: [16], epochs: 150 }\n";

    [Theory]
    [InlineData("validation")]
    [InlineData("test")]
    public void With_the_huge_row_held_out_the_formula_2x_scores_the_raw_unit_reference(string part)
    {
        var data = Inputs(part).Data;

        var score = StudentScoring.Score([TwiceX(data)], data, data.YValidation, data.YTest);

        // On the huge row y = x, and 2x overflows there: the row is scored as the training mean and counted.
        // Either way it misses by about the row's own value, which dominates its part:
        // SS_res = h², SS_tot = h²·(1 − 1/20), R² = −1/19. The other part is fitted exactly.
        var (withHuge, without, rows) = part == "test"
            ? (score.R2Test, score.R2Validation, data.Split.Test)
            : (score.R2Validation, score.R2Test, data.Split.Validation);
        Assert.Equal(RawReference(rows), withHuge, 12);
        Assert.Equal(-1.0 / 19, withHuge, 12);
        Assert.Equal(1, without, 9);
        Assert.Equal(1, score.NonFiniteRows);
    }

    [Fact]
    public void With_the_huge_row_in_training_the_held_out_rows_are_still_scored_against_their_true_targets()
    {
        var data = Inputs("train").Data;

        var score = StudentScoring.Score([TwiceX(data)], data, data.YValidation, data.YTest);

        // The huge row sets the training mean and scale (about 2.8e306 and 2.2e307): every other row standardizes
        // to one double, so the held-out truth is constant in standardized units, and so is the formula's output.
        // Against the raw targets, which still differ, a constant prediction scores below 0, never the 0 or 1 of
        // the constant-truth convention. Fidelity, in standardized units, keeps that convention.
        Assert.Single(data.YValidation.Distinct());
        Assert.Single(data.YTest.Distinct());
        Assert.True(data.RawYValidation.Distinct().Count() > 1 && data.RawYTest.Distinct().Count() > 1);
        Assert.All([score.R2Validation, score.R2Test],
            r2 => Assert.True(double.IsFinite(r2) && r2 < 0, $"{r2}"));
        Assert.True(score.FidelityR2Test is 0 or 1, $"{score.FidelityR2Test}");
        Assert.Equal(0, score.NonFiniteRows);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("validation")]
    [InlineData("test")]
    public void A_teacher_trains_to_finite_scores_wherever_the_huge_row_lands(string part)
    {
        var inputs = Inputs(part);

        var result = TeacherRunner.Train(inputs, seed: 1, threads: 1, device: null, CancellationToken.None);

        double[] scores = [result.R2Train, result.R2Validation, result.R2Test, result.MeanSquaredInputGradientTest,
            result.FinalTrainLoss, result.BestValidationLoss];
        Assert.All(scores, v => Assert.True(double.IsFinite(v), $"{part}: {string.Join(", ", scores)}"));
        if (part == "train")
        {
            // The held-out targets all standardize to one value, but they are scored in raw units, where an
            // output that cannot tell them apart falls short of predicting their mean.
            Assert.True(result.R2Validation < 0 && result.R2Test < 0, $"{result.R2Validation}, {result.R2Test}");
            return;
        }

        // No output comes near the held-out huge row, so its part scores about −1/19 as above; the teacher
        // learned y = 2x from the other rows, and early stopping ranked epochs by those rows only.
        var (withHuge, without) = part == "test"
            ? (result.R2Test, result.R2Validation)
            : (result.R2Validation, result.R2Test);
        Assert.Equal(-1.0 / 19, withHuge, 9);
        Assert.True(without > 0.9, $"R² without the huge row {without}");
    }

    /// <summary>The trial inputs of a seed whose split puts the huge row into <paramref name="part"/>.</summary>
    private static TrialInputs Inputs(string part)
    {
        var seed = Enumerable.Range(1, 100).First(s => PartOf(DataSplit.Create(100, new SplitFractions(), s)) == part);
        return new TrialInputCache().Get(Spec, SpecPath, RepositoryFolders.Datasets, 0, 0.01, seed);
    }

    private static string PartOf(DataSplit split) =>
        split.Train.Contains(HugeRow) ? "train" : split.Validation.Contains(HugeRow) ? "validation" : "test";

    /// <summary>
    /// y = 2x in standardized units: 2·(x·sx + mx) = y·sy + my, so y = x·(2sx/sy) + (2mx − my)/sy.
    /// </summary>
    private static FrontEntry TwiceX(PreparedData data)
    {
        var scaler = data.Scaler;
        var scale = 2 * scaler.FeatureScales[0] / scaler.TargetScale;
        var offset = (2 * scaler.FeatureMeans[0] - scaler.TargetMean) / scaler.TargetScale;
        var expression = Expression.FromArrays(
            [(int)OpCode.Variable, (int)OpCode.Constant, (int)OpCode.Mul, (int)OpCode.Constant, (int)OpCode.Add],
            [0, scale, 0, offset, 0]);
        return new FrontEntry(expression, expression.Size, 0);
    }

    /// <summary>
    /// R² of 2x against y on the given rows of the raw file, by the textbook formula on values scaled down by
    /// 1e300, where nothing overflows (the huge row becomes 1.7e8; the others vanish next to it, as they do in
    /// any exact computation).
    /// </summary>
    private static double RawReference(int[] rows)
    {
        var dataset = DatasetLoader.Load(
            new BenchmarkSource("overflow_row", Path: Path.Combine(RepositoryFolders.Cases, "overflow_row.csv")),
            RepositoryFolders.Datasets);
        var truth = rows.Select(r => dataset.Y[r] * 1e-300).ToArray();
        var prediction = rows.Select(r => 2 * (dataset.X[r] * 1e-300)).ToArray();
        var mean = truth.Average();
        return 1 - truth.Zip(prediction, (t, p) => (t - p) * (t - p)).Sum() / truth.Sum(t => (t - mean) * (t - mean));
    }
}
