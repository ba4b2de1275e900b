using Sweep.Teachers.Bench;
using Sweep.Teachers.Network;
using Sweep.Teachers.Penalties;
using Sweep.Teachers.Tests.Fixtures;
using Sweep.Teachers.Tests.Support;
using Sweep.Teachers.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Teachers.Tests;

/// <summary>TorchSharp must compute what PyTorch computed for the committed fixture.</summary>
public sealed class PyTorchReferenceTests
{
    private const double Tolerance = 1e-5;
    private static readonly PyTorchFixture Fixture = PyTorchFixture.Load();

    public static TheoryData<int> Cases() => new(Enumerable.Range(0, Fixture.Cases.Count));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Loss_terms_match_pytorch(int index)
    {
        var fixture = Fixture.Cases[index];
        using var network = NetworkOf(fixture);
        using var objective = new TrainingObjective(network, PenaltyKind.Jacobian, fixture.Lambda);
        using var scope = NewDisposeScope();

        var terms = objective.Evaluate(Inputs(fixture), Targets(fixture));

        Assert.InRange(Compare.RelativeError(terms.MeanSquaredError.ToDouble(), fixture.Mse), 0, Tolerance);
        Assert.InRange(Compare.RelativeError(terms.Penalty!.ToDouble(), fixture.Penalty), 0, Tolerance);
        Assert.InRange(Compare.RelativeError(terms.Total.ToDouble(), fixture.Total), 0, Tolerance);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gradients_of_the_loss_and_of_the_penalty_alone_match_pytorch(int index)
    {
        var fixture = Fixture.Cases[index];
        using var network = NetworkOf(fixture);
        using var objective = new TrainingObjective(network, PenaltyKind.Jacobian, fixture.Lambda);

        var total = GradientsOf(network, () => objective.Evaluate(Inputs(fixture), Targets(fixture)).Total);
        var penalty = GradientsOf(network, () => objective.Evaluate(Inputs(fixture), Targets(fixture)).Penalty!);

        for (var p = 0; p < fixture.Gradients.Length; p++)
        {
            Assert.InRange(Compare.RelativeError(total[p], fixture.Gradients[p]), 0, Tolerance);
            Assert.InRange(Compare.RelativeError(penalty[p], fixture.PenaltyGradients[p]), 0, Tolerance);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Weights_after_ten_optimizer_steps_match_pytorch(int index)
    {
        var fixture = Fixture.Cases[index];
        var options = new TeacherOptions
        {
            Hidden = fixture.Hidden,
            Activation = Enum.Parse<Activation>(fixture.Activation),
            Optimizer = Enum.Parse<OptimizerKind>(fixture.Optimizer),
            LearningRate = fixture.LearningRate,
            WeightDecay = fixture.WeightDecay,
            Lambda = fixture.Lambda,
            Epochs = 10,
            BatchSize = 0,
            Patience = 0,
        };
        using var network = NetworkOf(fixture);
        using var optimizer = OptimizerFactory.Create(network, options);
        using var objective = new TrainingObjective(network, PenaltyKind.Jacobian, fixture.Lambda);
        using var train = SplitTensors.Create(fixture.X, fixture.Y, fixture.Features, ScalarType.Float64, CPU);
        using var none = SplitTensors.Create([], [], fixture.Features, ScalarType.Float64, CPU);
        using var generator = new Generator(0, CPU);

        var outcome = new TrainingLoop(network, optimizer, objective, options, generator).Run(train, none, default);

        Assert.Equal(10, outcome.EpochsRun);
        var after = Networks.Ordered(network).Select(Networks.Values).ToArray();
        for (var p = 0; p < after.Length; p++)
            Assert.InRange(Compare.RelativeError(after[p], fixture.After10Steps[p]), 0, Tolerance);
    }

    public static TheoryData<int> AirfoilRuns() => new(Enumerable.Range(0, Fixture.Airfoil.Count));

    [Theory]
    [MemberData(nameof(AirfoilRuns))]
    public void Teacher_on_airfoil_matches_pytorchs_test_r2_within_0_02_and_input_gradient_within_5_percent(
        int index)
    {
        var reference = Fixture.Airfoil[index];
        var data = ModuloSplit.Apply(RegressionTable.Load(DataFolder.Find(), "airfoil_self_noise"));

        var result = TeacherTrainer.Train(data, reference.Settings.ToOptions(), reference.Settings.Seed);

        Assert.InRange(result.R2Test, reference.R2["test"] - 0.02, reference.R2["test"] + 0.02);
        Assert.InRange(
            Compare.RelativeError(result.MeanSquaredInputGradientTest, reference.MeanSquaredInputGradientTest),
            0, 0.05);
        Assert.True(result.R2Test > 0.8, $"test R² {result.R2Test}");
    }

    private static TeacherNetwork NetworkOf(GradientCase fixture) =>
        Networks.WithParameters(fixture.Features, fixture.Hidden, Enum.Parse<Activation>(fixture.Activation),
            fixture.Initial);

    private static Tensor Inputs(GradientCase fixture) => tensor(fixture.X, [fixture.Y.Length, fixture.Features]);

    private static Tensor Targets(GradientCase fixture) => tensor(fixture.Y, [fixture.Y.Length, 1]);

    private static double[][] GradientsOf(TeacherNetwork network, Func<Tensor> loss)
    {
        using var scope = NewDisposeScope();
        network.zero_grad();
        loss().backward();
        return Networks.Ordered(network)
            .Select(p => p.grad is { } grad ? Networks.Values(grad) : new double[p.numel()])
            .ToArray();
    }
}
