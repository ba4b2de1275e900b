namespace Sweep.Datasets.Tests;

public class StandardizerTests
{
    private static Dataset Data(double[] feature, double[] target) =>
        new("d", "d.csv", ["x"], "y", feature, target);

    [Fact]
    public void Statistics_are_the_mean_and_population_standard_deviation_of_the_training_rows()
    {
        var data = Data([1, 2, 3, 4, 1000], [10, 20, 30, 40, -5]);

        var scaler = Standardizer.Fit(data, [0, 1, 2, 3]);

        Assert.Equal(2.5, scaler.FeatureMeans[0], 14);
        Assert.Equal(Math.Sqrt(1.25), scaler.FeatureScales[0], 14);
        Assert.Equal(25, scaler.TargetMean, 12);
        Assert.Equal(Math.Sqrt(125), scaler.TargetScale, 12);
        Assert.Equal((1000 - 2.5) / Math.Sqrt(1.25), scaler.StandardizeFeature(0, 1000), 10);
        Assert.Equal((-5 - 25) / Math.Sqrt(125), scaler.StandardizeTarget(-5), 12);
    }

    [Fact]
    public void Values_near_the_double_limit_standardize_without_overflow()
    {
        var data = Data([1.7e308, -1.7e308, 1.7e308, -1.7e308], [double.MaxValue, -double.MaxValue, 0, 0]);

        var scaler = Standardizer.Fit(data, [0, 1, 2, 3]);

        Assert.Equal((0.0, 1.7e308), (scaler.FeatureMeans[0], scaler.FeatureScales[0]));
        Assert.Equal([1.0, -1, 1, -1], scaler.StandardizeFeatures(data, [0, 1, 2, 3]));
        Assert.Equal(double.MaxValue * Math.Sqrt(0.5), scaler.TargetScale, 1e294);
        Assert.Equal(Math.Sqrt(2), scaler.StandardizeTarget(double.MaxValue), 14);
    }

    [Fact]
    public void A_constant_training_column_standardizes_to_zero_instead_of_dividing_by_zero()
    {
        var data = Data([5, 5, 5, 7], [1, 2, 3, 4]);

        var scaler = Standardizer.Fit(data, [0, 1, 2]);

        Assert.Equal((5.0, 5.0), (scaler.FeatureMeans[0], scaler.FeatureScales[0]));
        Assert.Equal(0, scaler.StandardizeFeature(0, 5));
        Assert.Equal(0.4, scaler.StandardizeFeature(0, 7), 14);
    }

    [Fact]
    public void Restoring_a_standardized_target_gives_the_original_value_back()
    {
        var data = Data([1, 2, 3], [3e20, -7e19, 1.5e21]);
        var scaler = Standardizer.Fit(data, [0, 1, 2]);

        foreach (var y in new[] { 3e20, -7e19, 1.5e21, 0 })
        {
            Assert.Equal(y, scaler.RestoreTarget(scaler.StandardizeTarget(y)), Math.Abs(y) * 1e-14 + 1e6);
        }
    }
}
