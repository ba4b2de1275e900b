using Sweep.Datasets;
using Sweep.Symbolic;

namespace Sweep.Experiment.Tests.Pipeline;

public sealed class StudentScoringTests
{
    private static readonly SymbolicOptions SmallSearch = new() { Population = 60, Generations = 15, MaxSize = 20 };

    [Fact]
    public void The_reported_formula_in_original_names_and_units_predicts_what_the_standardized_student_predicts()
    {
        var (data, dataset) = Prepare("reserved_names.csv");
        var train = new ProblemData(data.XTrain, data.YTrain.Length, data.Features, data.YTrain);
        var front = new SymbolicRegressor(SmallSearch, islands: 2, seed: 5).Fit(train);

        var score = StudentScoring.Score(front, data, data.YValidation, data.YTest);

        // Reference: the chosen program on standardized inputs, mapped back by the train statistics.
        var standardized = Predict(score.Chosen.Expression, data.XTest, data.Features);
        var expected = standardized.Select(v => v * data.Scaler.TargetScale + data.Scaler.TargetMean).ToArray();
        var rawTest = data.Split.Test
            .SelectMany(r => dataset.X.AsSpan(r * dataset.Features, dataset.Features).ToArray())
            .ToArray();
        var parsed = ExpressionParser.Parse(score.Expression, dataset.FeatureNames);
        var actual = Predict(parsed, rawTest, dataset.Features);

        Assert.Equal(["N", "E", "I", "S", "lambda", "pi"], dataset.FeatureNames);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], actual[i], 1e-9 * Math.Max(1, Math.Abs(expected[i])));
    }

    [Fact]
    public void Scores_are_r2_against_the_true_targets_and_fidelity_is_r2_against_the_teacher()
    {
        var (data, _) = Prepare("reserved_names.csv");
        var train = new ProblemData(data.XTrain, data.YTrain.Length, data.Features, data.YTrain);
        var front = new SymbolicRegressor(SmallSearch, islands: 1, seed: 2).Fit(train);
        var teacherTest = data.YTest.Select((y, i) => y + (i % 2 == 0 ? 0.3 : -0.3)).ToArray();

        var score = StudentScoring.Score(front, data, data.YValidation, teacherTest);

        var predicted = Predict(score.Chosen.Expression, data.XTest, data.Features);
        Assert.Equal(HandR2(data.YTest, predicted), score.R2Test, 1e-12);
        Assert.Equal(HandR2(teacherTest, predicted), score.FidelityR2Test, 1e-12);
        Assert.Equal(0, score.NonFiniteRows);
    }

    [Fact]
    public void The_reported_student_size_is_the_evolved_program_and_never_exceeds_max_size()
    {
        var (data, _) = Prepare("reserved_names.csv");
        var train = new ProblemData(data.XTrain, data.YTrain.Length, data.Features, data.YTrain);
        var options = SmallSearch with { MaxSize = 5 };
        var front = new SymbolicRegressor(options, islands: 2, seed: 4).Fit(train);

        var score = StudentScoring.Score(front, data, data.YValidation, data.YTest);

        // Chosen.Size is what a trial reports as student_size; the formula carries its scaling a·f + b on top.
        Assert.InRange(score.Chosen.Size, 1, options.MaxSize);
        Assert.All(front, e => Assert.InRange(e.Size, 1, options.MaxSize));
        Assert.Contains(front, e => e.Expression.Size > options.MaxSize);
    }

    [Fact]
    public void A_held_out_row_where_the_formula_overflows_is_counted_and_scored_as_the_training_mean()
    {
        var (data, _) = Prepare("reserved_names.csv");
        var exp = Expression.FromArrays([(int)OpCode.Variable, (int)OpCode.Exp], [0, 0]);
        var front = new[] { new FrontEntry(exp, exp.Size, 1.0) };
        data.XTest[0] = 1000; // exp(1000) overflows

        var score = StudentScoring.Score(front, data, data.YValidation, data.YTest);

        Assert.Equal(1, score.NonFiniteRows);
        Assert.True(double.IsFinite(score.R2Test));
        Assert.True(double.IsFinite(score.FidelityR2Test));
    }

    [Fact]
    public void Scores_are_r2_in_original_units_even_where_a_huge_training_target_collapses_the_standardized_ones()
    {
        // y = 2x + a wobble on 100 rows, except one training row whose target is 1e30: standardized with that
        // row's statistics, every other target becomes the same double, so R² in standardized units would be 0.
        const int rows = 100;
        var hugeRow = DataSplit.Create(rows, new SplitFractions(), seed: 1).Train[0];
        var x = Enumerable.Range(0, rows).Select(i => (double)(i % 10)).ToArray();
        var y = x.Select((v, i) => i == hugeRow ? 1e30 : 2 * v + Math.Sin(i)).ToArray();
        var data = PreparedData.Prepare(new Dataset("huge", "huge.csv", ["x"], "y", x, y), new SplitFractions(), 1);
        var identity = Expression.FromArrays([(int)OpCode.Variable], [0]);

        var score = StudentScoring.Score([new FrontEntry(identity, 1, 0)], data, data.YValidation, data.YTest);

        // Reference in raw units by the textbook formula: the formula predicts ((x − mx) / sx) · sy + my, about
        // 1e29 on every row, against targets below 20; nothing here comes near overflow.
        var scaler = data.Scaler;
        double Reference(int[] part) => HandR2(
            part.Select(r => y[r]).ToArray(),
            part.Select(r => (x[r] - scaler.FeatureMeans[0]) / scaler.FeatureScales[0] * scaler.TargetScale
                + scaler.TargetMean).ToArray());
        var (validation, test) = (Reference(data.Split.Validation), Reference(data.Split.Test));

        Assert.Single(data.YValidation.Distinct());
        Assert.Single(data.YTest.Distinct());
        Assert.Equal(validation, score.R2Validation, 1e-9 * Math.Abs(validation));
        Assert.Equal(test, score.R2Test, 1e-9 * Math.Abs(test));
        Assert.True(score.R2Validation < -1e50 && score.R2Test < -1e50, $"{score.R2Validation}, {score.R2Test}");
        Assert.Equal(0, score.NonFiniteRows);
    }

    private static (PreparedData Data, Dataset Dataset) Prepare(string file)
    {
        var dataset = DatasetLoader.Load(new BenchmarkSource("case", Path: Path.Combine(RepositoryFolders.Cases, file)),
            RepositoryFolders.Datasets);
        return (PreparedData.Prepare(dataset, new SplitFractions(), seed: 1), dataset);
    }

    private static double[] Predict(Expression e, double[] x, int features)
    {
        var rows = x.Length / features;
        var output = new double[rows];
        Evaluator.Evaluate(e, ProblemData.ForPrediction(x, rows, features), output);
        return output;
    }

    private static double HandR2(double[] truth, double[] prediction)
    {
        var mean = truth.Average();
        var residual = truth.Zip(prediction, (t, p) => (t - p) * (t - p)).Sum();
        var total = truth.Sum(t => (t - mean) * (t - mean));
        return 1 - residual / total;
    }
}
