using Sweep.Teachers.Training;

namespace Sweep.Teachers.Tests;

public sealed class RSquaredTests
{
    [Fact]
    public void Matches_a_hand_computed_value()
    {
        // mean 2, SS_tot = 1 + 0 + 1 = 2, SS_res = 0.25 + 0 + 0.25 = 0.5, R² = 1 − 0.5 / 2.
        Assert.Equal(0.75, RSquared.Of([1, 2, 3], [1.5, 2, 2.5]), 15);
    }

    [Fact]
    public void Predicting_the_mean_scores_zero_and_worse_scores_below_zero()
    {
        Assert.Equal(0, RSquared.Of([1, 2, 3], [2, 2, 2]), 15);
        Assert.Equal(-3, RSquared.Of([1, 2, 3], [3, 2, 1]), 15);
    }

    [Fact]
    public void Constant_targets_score_one_when_exact_and_zero_otherwise_and_no_rows_score_nan()
    {
        Assert.Equal(1, RSquared.Of([4, 4], [4, 4]));
        Assert.Equal(0, RSquared.Of([4, 4], [4, 5]));
        Assert.True(double.IsNaN(RSquared.Of([], [])));
    }

    [Fact]
    public void A_target_near_the_double_limit_gives_a_finite_r2_equal_to_that_of_the_data_scaled_down()
    {
        // Held-out rows of a data set with one overflowing row: the plain sums of squares overflow to ∞ / ∞ = NaN.
        double[] targets = [1.7e308, -0.5, 0.25, 1.0];
        double[] predictions = [1.0, -0.4, 0.2, 0.9];

        var r2 = RSquared.Of(targets, predictions);

        var mean = targets.Select(t => t * 1e-300).Average();
        var residual = targets.Zip(predictions, (t, p) => (t * 1e-300 - p * 1e-300) * (t * 1e-300 - p * 1e-300)).Sum();
        var total = targets.Sum(t => (t * 1e-300 - mean) * (t * 1e-300 - mean));
        Assert.Equal(1 - residual / total, r2, 14);
        Assert.Equal(-1.0 / 3, r2, 14);
    }
}
