using Sweep.Teachers.Network;
using Sweep.Teachers.Penalties;
using Sweep.Teachers.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Teachers.Tests;

/// <summary>The Jacobian penalty against central differences, which need no autograd at all.</summary>
public sealed class JacobianPenaltyTests
{
    private const double Step = 1e-5;

    [Theory]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.SiLU)]
    [InlineData(Activation.GELU)]
    public void Penalty_equals_the_mean_squared_central_difference_input_gradient(Activation activation)
    {
        using var network = Networks.Create(features: 3, hidden: [6, 5], activation, seed: 11);
        var x = RandomInputs(rows: 8, features: 3, seed: 12);

        var exact = Penalty(network, x, createGraph: false);

        var estimate = 0.0;
        for (var row = 0; row < 8; row++)
        {
            for (var feature = 0; feature < 3; feature++)
            {
                var plus = (double[])x.Clone();
                var minus = (double[])x.Clone();
                plus[row * 3 + feature] += Step;
                minus[row * 3 + feature] -= Step;
                var slope = (Outputs(network, plus)[row] - Outputs(network, minus)[row]) / (2 * Step);
                estimate += slope * slope / 8;
            }
        }

        Assert.InRange(Compare.RelativeError(exact, estimate), 0, 1e-8);
    }

    [Theory]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.SiLU)]
    [InlineData(Activation.GELU)]
    public void Double_backward_gradient_of_the_penalty_matches_central_differences_in_every_weight(
        Activation activation)
    {
        using var network = Networks.Create(features: 2, hidden: [4, 3], activation, seed: 21);
        var x = RandomInputs(rows: 5, features: 2, seed: 22);
        var exact = PenaltyGradient(network, x);

        var estimate = new List<double>();
        foreach (var parameter in Networks.Ordered(network))
        {
            var flat = parameter.detach().view(-1);
            for (var i = 0; i < flat.shape[0]; i++)
            {
                var original = flat[i].ToDouble();
                Set(flat, i, original + Step);
                var plus = Penalty(network, x, createGraph: false);
                Set(flat, i, original - Step);
                var minus = Penalty(network, x, createGraph: false);
                Set(flat, i, original);
                estimate.Add((plus - minus) / (2 * Step));
            }
        }

        Assert.InRange(Compare.RelativeError(exact, estimate), 0, 1e-7);
    }

    private static double Penalty(TeacherNetwork network, double[] x, bool createGraph)
    {
        using var scope = NewDisposeScope();
        var inputs = tensor(x, [x.Length / network.Weights[0].shape[1], network.Weights[0].shape[1]])
            .requires_grad_(true);
        return InputGradient.MeanSquaredNorm(inputs, network.forward(inputs), createGraph).ToDouble();
    }

    private static double[] PenaltyGradient(TeacherNetwork network, double[] x)
    {
        using var scope = NewDisposeScope();
        network.zero_grad();
        var features = network.Weights[0].shape[1];
        var inputs = tensor(x, [x.Length / features, features]).requires_grad_(true);
        InputGradient.MeanSquaredNorm(inputs, network.forward(inputs), createGraph: true).backward();
        return Networks.Ordered(network)
            .SelectMany(p => p.grad is { } grad ? Networks.Values(grad) : new double[p.numel()])
            .ToArray();
    }

    private static double[] Outputs(TeacherNetwork network, double[] x)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var features = network.Weights[0].shape[1];
        return Networks.Values(network.forward(tensor(x, [x.Length / features, features])));
    }

    private static void Set(Tensor flat, long index, double value)
    {
        using var noGrad = no_grad();
        flat[index] = value;
    }

    private static double[] RandomInputs(int rows, int features, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows * features).Select(_ => 2 * random.NextDouble() - 1).ToArray();
    }
}
