namespace Sweep.Symbolic.Tests;

public class ExpressionTests
{
    [Fact]
    public void Arrays_round_trip_every_node_exactly()
    {
        var rng = new Rng(11);
        for (var k = 0; k < 200; k++)
        {
            var e = Programs.Random(rng, features: 4);

            var (codes, values) = e.ToArrays();
            var back = Expression.FromArrays(codes, values);

            Assert.Equal(codes, back.ToArrays().Codes);
            Assert.Equal(values, back.ToArrays().Values);
        }
    }

    [Theory]
    [InlineData(new[] { 1, 2 }, new[] { 0.0, 0.0 }, "needs 2 operands")]
    [InlineData(new[] { 0, 0 }, new[] { 1.0, 2.0 }, "leave 2 values")]
    [InlineData(new[] { 99 }, new[] { 0.0 }, "not an op code")]
    [InlineData(new[] { 1 }, new[] { 1.5 }, "not a feature number")]
    [InlineData(new int[0], new double[0], "at least one node")]
    public void Malformed_arrays_are_rejected_with_the_reason(int[] codes, double[] values, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => Expression.FromArrays(codes, values));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Size_and_depth_count_nodes_and_levels()
    {
        var e = Programs.Parse("(sin((x0 * x1)) + 2)");

        Assert.Equal(6, e.Size);
        Assert.Equal(4, e.Depth);
        Assert.Equal(1, e.ConstantCount);
        Assert.Equal(1, e.MaxFeature);
    }

    [Fact]
    public void Unstandardize_predicts_raw_targets_from_raw_features()
    {
        var raw = TestData.Make(50, 2, x => 0.0 + x[0], seed: 5, low: 10, high: 20);
        double[] means = [15.0, 14.0];
        double[] scales = [2.5, 3.0];
        const double targetMean = 100.0;
        const double targetScale = 7.0;
        var standardized = Programs.Parse("((x0 * x1) + sin(x1))");

        var rawFormula = standardized.Unstandardize(means, scales, targetMean, targetScale);
        var predictions = Programs.Predict(rawFormula, raw);

        for (var r = 0; r < raw.Rows; r++)
        {
            var z0 = (raw.Column(0)[r] - means[0]) / scales[0];
            var z1 = (raw.Column(1)[r] - means[1]) / scales[1];
            var expected = (targetScale * ((z0 * z1) + Math.Sin(z1))) + targetMean;
            Assert.Equal(expected, predictions[r], 12);
        }
    }

    [Fact]
    public void Unstandardize_merges_the_substitution_into_a_linear_model()
    {
        var standardized = Programs.Parse("((x0 * 2) + 1)");

        var raw = standardized.Unstandardize([10.0], [4.0], targetMean: 3.0, targetScale: 0.5);

        // 0.5 · (2 · (x − 10) / 4 + 1) + 3 = 0.25·x + 1
        Assert.Equal("((x0 * 0.25) + 1)", raw.ToString());
    }

    [Fact]
    public void Simplification_folds_constants_and_drops_identities_without_changing_predictions()
    {
        var data = TestData.Make(40, 2, x => x[0], seed: 9);
        var e = Programs.Parse("((((2 * 3) * x0) + 0) * 1) + sin((x1 / 1))");

        var simple = Simplifier.Simplify(e);

        Assert.Equal("((6 * x0) + sin(x1))", simple.ToString());
        Assert.Equal(Programs.Predict(e, data), Programs.Predict(simple, data));
    }
}
