using Sweep.Teachers.Penalties;
using Sweep.Teachers.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Teachers.Tests;

public sealed class LipschitzBoundTests
{
    [Fact]
    public void Power_iteration_estimates_each_layers_largest_singular_value()
    {
        using var network = Networks.Create(features: 4, hidden: [16, 8], Activation.Tanh, seed: 31);
        using var bound = new LipschitzBound(network);
        using var scope = NewDisposeScope();

        for (var layer = 0; layer < network.Weights.Count; layer++)
        {
            var singular = linalg.svdvals(network.Weights[layer].detach()).max().ToDouble();
            Assert.InRange(Compare.RelativeError(bound.SpectralNorm(layer).ToDouble(), singular), 0, 1e-6);
        }
    }

    [Theory]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.GELU)]
    public void Squared_bound_is_at_least_the_squared_input_gradient_at_every_input(Activation activation)
    {
        using var network = Networks.Create(features: 3, hidden: [8, 8], activation, seed: 41);
        using var bound = new LipschitzBound(network);
        using var generator = new Generator(42, CPU);
        using var scope = NewDisposeScope();
        var x = randn(200, 3, dtype: ScalarType.Float64, generator: generator).mul(3)
            .requires_grad_(true);

        var gradients = autograd.grad([network.forward(x).sum()], [x])[0];
        var largest = gradients.square().sum(1).max().ToDouble();
        var squaredBound = bound.SquaredBound().ToDouble();

        Assert.True(largest <= squaredBound, $"max ‖∇f‖² {largest} exceeds the bound {squaredBound}");
        Assert.True(squaredBound < 1000 * largest, $"bound {squaredBound} is uselessly loose over {largest}");
    }

    [Fact]
    public void Training_with_the_lipschitz_penalty_flattens_the_teacher()
    {
        var data = SyntheticData.Smooth(trainRows: 200, otherRows: 100, seed: 5);
        var options = new TeacherOptions { Penalty = PenaltyKind.Lipschitz, Epochs = 60, Patience = 0 };

        var plain = TeacherTrainer.Train(data, options with { Lambda = 0 }, seed: 1);
        var penalized = TeacherTrainer.Train(data, options with { Lambda = 0.1 }, seed: 1);

        Assert.True(penalized.MeanSquaredInputGradientTest < 0.8 * plain.MeanSquaredInputGradientTest,
            $"λ=0.1: {penalized.MeanSquaredInputGradientTest}, λ=0: {plain.MeanSquaredInputGradientTest}");
    }
}
