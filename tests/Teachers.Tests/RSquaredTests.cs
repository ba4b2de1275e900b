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
}
