using Sweep.Teachers.Tests.Support;

namespace Sweep.Teachers.Tests;

/// <summary>A training whose loss or outputs stop being finite fails clearly instead of returning NaN scores.</summary>
public sealed class DivergenceTests
{
    private static readonly TeacherData Data = SyntheticData.Smooth(trainRows: 60, otherRows: 20, seed: 12);

    /// <summary>ReLU is unbounded, so a learning rate of 1e6 soon overflows float32 in the outputs.</summary>
    private static readonly TeacherOptions Runaway = new()
    {
        Activation = Activation.ReLU, Hidden = [16, 16], LearningRate = 1e6, Epochs = 200, BatchSize = 0, Patience = 0,
    };

    [Fact]
    public void A_runaway_learning_rate_fails_naming_the_epoch_the_loss_lambda_and_what_to_change()
    {
        var error = Assert.Throws<TeacherDivergenceException>(() => TeacherTrainer.Train(Data, Runaway, seed: 1));

        Assert.False(double.IsFinite(error.Loss));
        Assert.InRange(error.Epoch, 1, Runaway.Epochs);
        var loss = double.IsNaN(error.Loss) ? "NaN" : "Infinity";
        Assert.Equal(
            $"teacher training diverged at epoch {error.Epoch} (loss = {loss}) with lambda = 0 and learning rate "
            + "1000000; lower lambda or the learning rate",
            error.Message);
    }

    [Fact]
    public void The_same_network_with_an_ordinary_learning_rate_trains_to_finite_scores()
    {
        var result = TeacherTrainer.Train(Data, Runaway with { LearningRate = 1e-2 }, seed: 1);

        Assert.Equal(Runaway.Epochs, result.EpochsRun);
        Assert.True(result.R2Test > 0.5, $"test R² {result.R2Test}");
        Assert.True(double.IsFinite(result.FinalTrainLoss) && double.IsFinite(result.MeanSquaredInputGradientTest));
    }

    [Fact]
    public void A_lambda_beyond_float32_makes_the_first_epoch_loss_infinite_and_the_message_names_lambda()
    {
        var options = new TeacherOptions { Lambda = 1e39, Epochs = 5 };

        var error = Assert.Throws<TeacherDivergenceException>(() => TeacherTrainer.Train(Data, options, seed: 1));

        Assert.Equal((1, 1e39), (error.Epoch, error.Lambda));
        Assert.StartsWith("teacher training diverged at epoch 1 (loss = ", error.Message);
        Assert.Contains("with lambda = 1e+39 and learning rate 0.003; lower lambda or the learning rate",
            error.Message);
    }

    [Fact]
    public void A_divergence_after_a_good_best_epoch_still_fails_rather_than_restoring_the_best_weights()
    {
        // Early stopping is on, and with this seed and rate the first epoch ends with a finite validation loss (a
        // poor one: Adam cannot make a good network diverge) before the weights run away.
        var options = Runaway with { LearningRate = 6e5, Patience = 1000 };

        var error = Assert.Throws<TeacherDivergenceException>(() => TeacherTrainer.Train(Data, options, seed: 3));

        // The same seed retraces the same epochs: stopped one epoch short, it had a finite best epoch to restore.
        var beforeDivergence = TeacherTrainer.Train(Data, options with { Epochs = error.Epoch - 1 }, seed: 3);
        Assert.InRange(beforeDivergence.BestEpoch, 1, error.Epoch - 1);
        Assert.True(double.IsFinite(beforeDivergence.BestValidationLoss));
        Assert.StartsWith($"teacher training diverged at epoch {error.Epoch} (loss = ", error.Message);
    }
}
