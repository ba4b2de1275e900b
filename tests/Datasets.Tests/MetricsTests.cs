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
}
