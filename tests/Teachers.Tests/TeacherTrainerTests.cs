using Sweep.Teachers.Tests.Support;
using TorchSharp;

namespace Sweep.Teachers.Tests;

public sealed class TeacherTrainerTests
{
    private static readonly TeacherOptions Quick = new() { Epochs = 40, BatchSize = 32, Lambda = 0.01, Patience = 0 };

    [Fact]
    public async Task Same_seed_gives_bit_identical_predictions_even_when_trainings_run_at_once()
    {
        var data = SyntheticData.Smooth(trainRows: 150, otherRows: 50, seed: 1);
        var seeds = new[] { 7, 8, 7, 8 };

        var results = await Task.WhenAll(seeds.Select(seed => Task.Run(() => TeacherTrainer.Train(data, Quick, seed))));

        Assert.Equal(results[0].PredictionsTest, results[2].PredictionsTest);
        Assert.Equal(results[1].PredictionsTest, results[3].PredictionsTest);
        Assert.Equal(results[0].FinalTrainLoss, results[2].FinalTrainLoss);
        Assert.NotEqual(results[0].PredictionsTest, results[1].PredictionsTest);
    }

    [Fact]
    public void Trainer_leaves_the_process_wide_generator_alone()
    {
        var data = SyntheticData.Smooth(trainRows: 60, otherRows: 20, seed: 2);
        torch.manual_seed(99);
        var expected = torch.rand(4).data<float>().ToArray();

        torch.manual_seed(99);
        TeacherTrainer.Train(data, Quick with { Epochs = 3 }, seed: 5);
        var after = torch.rand(4).data<float>().ToArray();

        Assert.Equal(expected, after);
    }

    [Fact]
    public void A_smooth_function_is_learned_with_test_r2_near_one()
    {
        var data = SyntheticData.Smooth(trainRows: 300, otherRows: 100, seed: 3, noise: 0.02);

        var result = TeacherTrainer.Train(data, new TeacherOptions { Epochs = 150, Lambda = 0 }, seed: 1);

        Assert.True(result.R2Test > 0.95, $"test R² {result.R2Test}");
        Assert.True(result.R2Train > 0.95, $"train R² {result.R2Train}");
        Assert.Equal(data.YTest.Length, result.PredictionsTest.Length);
        Assert.Equal(RSquared(data.YTest, result.PredictionsTest), result.R2Test, 12);
    }

    [Fact]
    public void Query_inputs_get_the_same_outputs_as_the_same_rows_of_the_test_set()
    {
        var data = SyntheticData.Smooth(trainRows: 80, otherRows: 30, seed: 11);
        var query = data.XTest.Skip(3 * 10).Take(3 * 5).ToArray();

        var result = TeacherTrainer.Train(data with { XQuery = query }, Quick with { Epochs = 10 }, seed: 1);

        // float32 matrix products may round differently for a different number of rows.
        Assert.Equal(5, result.PredictionsQuery.Length);
        var expected = result.PredictionsTest.Skip(10).Take(5).ToArray();
        Assert.All(expected.Zip(result.PredictionsQuery), pair => Assert.Equal(pair.First, pair.Second, 1e-5));
    }

    [Fact]
    public void Early_stopping_ends_after_patience_epochs_and_restores_the_best_weights()
    {
        var data = SyntheticData.Noise(trainRows: 40, otherRows: 40, seed: 4);
        var options = new TeacherOptions { Epochs = 2000, Patience = 5, BatchSize = 0, LearningRate = 0.01 };

        var result = TeacherTrainer.Train(data, options, seed: 1);

        Assert.True(result.EpochsRun < 2000, $"ran all {result.EpochsRun} epochs");
        Assert.Equal(result.BestEpoch + 5, result.EpochsRun);
        var validationMse = data.YValidation.Zip(result.PredictionsValidation, (y, p) => (y - p) * (y - p)).Average();
        Assert.Equal(result.BestValidationLoss, validationMse, 1e-6);
    }

    [Fact]
    public void Without_patience_every_epoch_runs_and_the_best_epoch_is_still_reported()
    {
        var data = SyntheticData.Noise(trainRows: 40, otherRows: 40, seed: 4);
        var options = new TeacherOptions { Epochs = 60, Patience = 0, BatchSize = 0, LearningRate = 0.01 };

        var result = TeacherTrainer.Train(data, options, seed: 1);

        Assert.Equal(60, result.EpochsRun);
        Assert.InRange(result.BestEpoch, 1, 60);
        var validationMse = data.YValidation.Zip(result.PredictionsValidation, (y, p) => (y - p) * (y - p)).Average();
        Assert.True(validationMse >= result.BestValidationLoss - 1e-6);
    }

    [Fact]
    public void AdamW_with_weight_decay_ends_with_smaller_weights_than_Adam_without()
    {
        var data = SyntheticData.Smooth(trainRows: 100, otherRows: 30, seed: 6);
        var plain = TeacherTrainer.Train(data, Quick with { Lambda = 0 }, seed: 3);
        var decayed = TeacherTrainer.Train(data,
            Quick with { Lambda = 0, Optimizer = OptimizerKind.AdamW, WeightDecay = 5 }, seed: 3);

        Assert.True(decayed.MeanSquaredInputGradientTest < plain.MeanSquaredInputGradientTest,
            $"AdamW {decayed.MeanSquaredInputGradientTest} vs Adam {plain.MeanSquaredInputGradientTest}");
    }

    [Theory]
    [InlineData(Activation.SiLU)]
    [InlineData(Activation.ReLU)]
    [InlineData(Activation.GELU)]
    public void Every_activation_trains_to_a_useful_teacher(Activation activation)
    {
        var data = SyntheticData.Smooth(trainRows: 200, otherRows: 60, seed: 7);

        var result = TeacherTrainer.Train(data, Quick with { Activation = activation, Epochs = 60 }, seed: 1);

        Assert.True(result.R2Test > 0.8, $"{activation}: test R² {result.R2Test}");
    }

    [Fact]
    public void Cancellation_stops_training_with_OperationCanceledException()
    {
        var data = SyntheticData.Smooth(trainRows: 60, otherRows: 20, seed: 8);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => TeacherTrainer.Train(data, Quick, seed: 1, cancelled.Token));
    }

    [Fact]
    public void Invalid_options_are_refused_before_training_with_every_problem_named()
    {
        var data = SyntheticData.Smooth(trainRows: 60, otherRows: 20, seed: 8);

        var error = Assert.Throws<ArgumentException>(() =>
            TeacherTrainer.Train(data, Quick with { Lambda = -1, Epochs = 0 }, seed: 1));

        Assert.Contains("Lambda", error.Message);
        Assert.Contains("-1", error.Message);
        Assert.Contains("Epochs", error.Message);
    }

    [Fact]
    public void Auto_device_is_cuda_exactly_when_libtorch_sees_a_gpu_and_says_why()
    {
        var data = SyntheticData.Smooth(trainRows: 60, otherRows: 20, seed: 9);

        var result = TeacherTrainer.Train(data, Quick with { Device = "auto", Epochs = 2 }, seed: 1);

        Assert.Equal(torch.cuda.is_available() ? "cuda" : "cpu", result.Device);
        Assert.Contains("is_available", result.DeviceReason);
    }

    [Fact]
    public void Explicit_cuda_without_a_usable_gpu_fails_with_a_message_that_says_what_to_do()
    {
        var data = SyntheticData.Smooth(trainRows: 60, otherRows: 20, seed: 9);
        if (torch.cuda.is_available())
        {
            Assert.Equal("cuda", TeacherTrainer.Train(data, Quick with { Device = "cuda", Epochs = 2 }, 1).Device);
            return;
        }

        var error = Assert.Throws<TeacherDeviceException>(() =>
            TeacherTrainer.Train(data, Quick with { Device = "cuda", Epochs = 2 }, seed: 1));

        Assert.Contains("is_available() is false", error.Message);
        Assert.Contains("'auto'", error.Message);
    }

    [Fact]
    public void Empty_validation_and_test_sets_give_nan_scores_and_no_early_stopping()
    {
        var full = SyntheticData.Smooth(trainRows: 60, otherRows: 20, seed: 10);
        var data = full with { XValidation = [], YValidation = [], XTest = [], YTest = [] };

        var result = TeacherTrainer.Train(data, Quick with { Epochs = 5, Patience = 2 }, seed: 1);

        Assert.Equal(5, result.EpochsRun);
        Assert.True(double.IsNaN(result.R2Validation) && double.IsNaN(result.R2Test));
        Assert.True(double.IsNaN(result.MeanSquaredInputGradientTest));
        Assert.Empty(result.PredictionsTest);
    }

    [Fact]
    public void A_validation_target_near_the_double_limit_is_scored_but_left_out_of_early_stopping()
    {
        var clean = SyntheticData.Noise(trainRows: 40, otherRows: 40, seed: 4);
        var far = clean with { YValidation = [3e307, .. clean.YValidation[1..]] };
        var options = new TeacherOptions { Epochs = 2000, Patience = 5, BatchSize = 0, LearningRate = 0.01 };

        var result = TeacherTrainer.Train(far, options, seed: 1);

        // Early stopping ranks epochs by the other 39 rows, so it still stops, and reports their MSE.
        Assert.Equal(result.BestEpoch + 5, result.EpochsRun);
        var nearMse = far.YValidation.Skip(1).Zip(result.PredictionsValidation.Skip(1), (y, p) => (y - p) * (y - p))
            .Average();
        Assert.Equal(nearMse, result.BestValidationLoss, 1e-6);
        // Reference: the same R² on values scaled down by 1e300, where the plain formula cannot overflow.
        var scaled = RSquared(far.YValidation.Select(y => y * 1e-300).ToArray(),
            result.PredictionsValidation.Select(p => p * 1e-300).ToArray());
        Assert.True(double.IsFinite(result.R2Validation));
        Assert.Equal(scaled, result.R2Validation, 12);
        Assert.Equal(-1.0 / 39, result.R2Validation, 12);
    }

    private static double RSquared(double[] y, double[] prediction)
    {
        var mean = y.Average();
        return 1 - y.Zip(prediction, (a, b) => (a - b) * (a - b)).Sum() / y.Sum(a => (a - mean) * (a - mean));
    }
}
