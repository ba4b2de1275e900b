namespace Sweep.Datasets.Tests;

public class PreparedDataTests
{
    private static readonly Dataset Airfoil =
        DatasetLoader.Load(new BenchmarkSource("airfoil_self_noise"), SharedFolders.Datasets);

    [Fact]
    public void Training_features_and_targets_have_mean_zero_and_unit_population_deviation()
    {
        var data = PreparedData.Prepare(Airfoil, new SplitFractions(), 1);

        for (var j = 0; j < data.Features; j++)
        {
            var column = Enumerable.Range(0, data.Split.Train.Length).Select(i => data.XTrain[i * data.Features + j]);
            AssertStandard(column.ToArray());
        }

        AssertStandard(data.YTrain);
        Assert.Equal(901 * 5, data.XTrain.Length);
        Assert.Equal((301 * 5, 301 * 5), (data.XValidation.Length, data.XTest.Length));
    }

    [Fact]
    public void Every_part_is_standardized_with_the_training_statistics()
    {
        var data = PreparedData.Prepare(Airfoil, new SplitFractions(), 2);
        var scaler = data.Scaler;

        for (var i = 0; i < data.Split.Test.Length; i++)
        {
            var row = data.Split.Test[i];
            var expectedY = (Airfoil.Y[row] - scaler.TargetMean) / scaler.TargetScale;
            Assert.Equal(expectedY, data.YTest[i], 10);
            var expectedX = (Airfoil.X[row * 5 + 2] - scaler.FeatureMeans[2]) / scaler.FeatureScales[2];
            Assert.Equal(expectedX, data.XTest[i * 5 + 2], 10);
        }

        var trainOnly = Airfoil.Y.Where((_, row) => data.Split.Train.Contains(row)).Average();
        Assert.Equal(trainOnly, scaler.TargetMean, 9);
    }

    [Fact]
    public void R2_on_standardized_targets_equals_r2_in_original_units()
    {
        var data = PreparedData.Prepare(Airfoil, new SplitFractions(), 3);
        var truth = data.Split.Test.Select(row => Airfoil.Y[row]).ToArray();
        var prediction = truth.Select((y, i) => y + Math.Sin(i) * 3).ToArray();

        var standardized = prediction.Select(data.Scaler.StandardizeTarget).ToArray();

        Assert.Equal(Metrics.R2(truth, prediction), Metrics.R2(data.YTest, standardized), 12);
    }

    [Fact]
    public void The_feature_names_and_split_come_with_the_prepared_data()
    {
        var data = PreparedData.Prepare(Airfoil, new SplitFractions(), 4);

        Assert.Equal(Airfoil.FeatureNames, data.FeatureNames);
        Assert.Equal(DataSplit.Create(1503, new SplitFractions(), 4).Test, data.Split.Test);
    }

    [Fact]
    public void The_raw_targets_of_each_part_are_the_file_values_of_its_rows_in_split_order()
    {
        var data = PreparedData.Prepare(Airfoil, new SplitFractions(), 5);

        Assert.Equal(data.Split.Train.Select(r => Airfoil.Y[r]), data.RawYTrain);
        Assert.Equal(data.Split.Validation.Select(r => Airfoil.Y[r]), data.RawYValidation);
        Assert.Equal(data.Split.Test.Select(r => Airfoil.Y[r]), data.RawYTest);
        Assert.Equal(data.RawYTest.Select(data.Scaler.StandardizeTarget), data.YTest);
    }

    private static void AssertStandard(double[] values)
    {
        var mean = values.Average();
        var deviation = Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average());
        Assert.Equal(0, mean, 10);
        Assert.Equal(1, deviation, 10);
    }
}
