namespace Sweep.Datasets.Tests;

public class MetricsTests
{
    [Fact]
    public void R2_and_mean_squared_error_match_hand_computed_values()
    {
        double[] truth = [1, 2, 3, 4];
        double[] prediction = [1, 2, 3, 5];

        Assert.Equal(1 - 1.0 / 5.0, Metrics.R2(truth, prediction), 15);
        Assert.Equal(0.25, Metrics.MeanSquaredError(truth, prediction), 15);
    }

    [Fact]
    public void R2_is_the_same_for_values_scaled_up_to_near_the_double_limit()
    {
        double[] truth = [1, 2, 3, 4];
        double[] prediction = [1, 2, 3, 5];
        var huge = 1e307 / 5;

        var r2 = Metrics.R2(truth.Select(v => v * huge).ToArray(), prediction.Select(v => v * huge).ToArray());

        Assert.Equal(0.8, r2, 14);
    }

    [Fact]
    public void R2_of_values_whose_differences_overflow_equals_r2_of_the_same_values_scaled_down_by_1e300()
    {
        double[] truth = [1.7e308, -1.7e308, 1.0e308, 0.5e308, 3];
        double[] prediction = [1.6e308, -1.7e308, 1.1e308, 0.5e308, 1e307];

        var r2 = Metrics.R2(truth, prediction);

        Assert.Equal(PlainR2(Scaled(truth, 1e-300), Scaled(prediction, 1e-300)), r2, 14);
        Assert.InRange(r2, 0.99, 1);
    }

    [Fact]
    public void One_row_near_the_double_limit_gives_the_hand_computed_r2()
    {
        // y = 2x on 19 rows and one row of 1.7e308 predicted at half its value, as in overflow_row.csv. The huge
        // row dominates both sums: SS_res = (h/2)², SS_tot = h²·(1 − 1/20), so R² = 1 − 20/(4·19) = 14/19.
        var truth = Enumerable.Range(1, 19).Select(i => 2.0 * i).Append(1.7e308).ToArray();
        var prediction = truth.Select((y, i) => i < 19 ? y : y / 2).ToArray();

        var r2 = Metrics.R2(truth, prediction);

        Assert.Equal(14.0 / 19.0, r2, 14);
        Assert.Equal(PlainR2(Scaled(truth, 1e-300), Scaled(prediction, 1e-300)), r2, 14);
    }

    [Fact]
    public void Values_near_the_underflow_limit_keep_their_r2()
    {
        double[] truth = [1e-200, 2e-200, 3e-200, 4e-200];
        double[] prediction = [1e-200, 2e-200, 3e-200, 5e-200];

        Assert.Equal(0.8, Metrics.R2(truth, prediction), 14);
    }

    [Fact]
    public void A_prediction_off_by_more_than_the_double_range_allows_scores_the_most_negative_finite_r2()
    {
        // The true R², 1 − 1e400 / 5, is below −double.MaxValue; it must not come out as 0, which would say the
        // prediction is as good as the mean, nor as −∞.
        Assert.Equal(double.MinValue, Metrics.R2([1, 2, 3, 4], [1, 2, 3, 1e200]));
        Assert.Equal(1 - (1e150 - 4) * (1e150 - 4) / 5, Metrics.R2([1, 2, 3, 4], [1, 2, 3, 1e150]), 1e287);
    }

    [Fact]
    public void A_mean_squared_error_beyond_the_double_range_is_infinite_not_nan()
    {
        Assert.Equal(double.PositiveInfinity, Metrics.MeanSquaredError([1e300, 0], [-1e300, 0]));
        Assert.Equal(5e-301, Metrics.MeanSquaredError([1e-150, 0], [0, 0]), 1e-314);
    }

    [Fact]
    public void A_constant_truth_scores_one_when_matched_exactly_and_zero_otherwise()
    {
        Assert.Equal(1, Metrics.R2([2, 2, 2], [2, 2, 2]));
        Assert.Equal(0, Metrics.R2([2, 2, 2], [2, 2, 3]));
    }

    [Fact]
    public void A_non_finite_value_gives_nan_rather_than_a_misleading_score()
    {
        Assert.True(double.IsNaN(Metrics.R2([1, 2, 3], [1, double.PositiveInfinity, 3])));
        Assert.True(double.IsNaN(Metrics.MeanSquaredError([1, double.NaN, 3], [1, 2, 3])));
    }

    [Fact]
    public void Spans_of_different_lengths_or_no_values_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Metrics.R2([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => Metrics.MeanSquaredError([], []));
    }

    private static double[] Scaled(double[] values, double factor) => values.Select(v => v * factor).ToArray();

    /// <summary>The textbook formula, safe only for values far from the double limits.</summary>
    private static double PlainR2(double[] truth, double[] prediction)
    {
        var mean = truth.Average();
        var residual = truth.Zip(prediction, (t, p) => (t - p) * (t - p)).Sum();
        var total = truth.Sum(t => (t - mean) * (t - mean));
        return 1 - residual / total;
    }
}
