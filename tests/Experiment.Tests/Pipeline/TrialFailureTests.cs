using Sweep.Datasets;
using Sweep.Teachers;

namespace Sweep.Experiment.Tests.Pipeline;

/// <summary>Failures that follow from a trial's own spec and data are raised as <see cref="TrialFailureException"/>,
/// so the sweep records them at once instead of retrying; others stay retryable.</summary>
public sealed class TrialFailureTests
{
    private static readonly string SpecPath = Path.Combine(RepositoryFolders.Cases, "trial.yaml");

    private static string Spec(string file) =>
        $"name: t\nbenchmarks:\n  - name: case\n    path: {file}\nlambdas: [0]\nseeds: [1]\n"
        + "teacher: { hidden: [8], epochs: 5 }\n";

    private static TrialInputs Inputs(string file, double lambda = 0) =>
        new TrialInputCache().Get(Spec(file), SpecPath, RepositoryFolders.Datasets, 0, lambda, seed: 1);

    [Fact]
    public void A_teacher_that_diverges_fails_the_trial_for_good_naming_the_epoch_the_loss_and_lambda()
    {
        // λ = 1e39 is infinite in float32, so the first epoch's loss is too.
        var inputs = Inputs("reserved_names.csv", lambda: 1e39);

        var error = Assert.Throws<TrialFailureException>(() =>
            TeacherRunner.Train(inputs, seed: 1, threads: 1, device: null, CancellationToken.None));

        Assert.IsType<TeacherDivergenceException>(error.InnerException);
        Assert.StartsWith("teacher training diverged at epoch 1 (loss = ", error.Message);
        Assert.EndsWith("with lambda = 1e+39 and learning rate 0.003; lower lambda or the learning rate",
            error.Message);
    }

    [Fact]
    public void The_same_trial_at_an_ordinary_lambda_trains_to_finite_scores()
    {
        var inputs = Inputs("reserved_names.csv", lambda: 0.01);

        var result = TeacherRunner.Train(inputs, seed: 1, threads: 1, device: null, CancellationToken.None);

        Assert.Equal(5, result.EpochsRun);
        Assert.All([result.R2Train, result.R2Validation, result.R2Test, result.MeanSquaredInputGradientTest],
            v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void A_data_set_too_small_for_the_split_fails_the_trial_for_good()
    {
        var error = Assert.Throws<TrialFailureException>(() => Inputs("one_row.csv"));

        Assert.IsType<DataException>(error.InnerException);
        Assert.Contains("too few rows for the requested split: 1 data row cannot be split", error.Message);
        Assert.Contains("one_row.csv", error.Message);
    }

    [Fact]
    public void Invalid_spec_text_fails_the_trial_for_good()
    {
        var error = Assert.Throws<TrialFailureException>(() =>
            new TrialInputCache().Get("name: t\nlambdas: [0]\n", SpecPath, RepositoryFolders.Datasets, 0, 0, 1));

        Assert.IsType<SpecException>(error.InnerException);
        Assert.Contains("benchmarks", error.Message);
    }

    [Fact]
    public void A_data_file_missing_on_this_machine_stays_a_retryable_data_exception()
    {
        var error = Assert.Throws<DataException>(() => Inputs("no_such_file.csv"));

        Assert.Contains("file not found", error.Message);
    }
}
