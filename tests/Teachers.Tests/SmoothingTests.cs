using Sweep.Teachers.Bench;

namespace Sweep.Teachers.Tests;

/// <summary>The claim the sweep rests on, at the teacher: a larger λ gives a flatter function.</summary>
public sealed class SmoothingTests
{
    [Fact]
    public void Increasing_lambda_lowers_the_test_input_gradient_monotonically_on_airfoil()
    {
        var data = ModuloSplit.Apply(RegressionTable.Load(DataFolder.Find(), "airfoil_self_noise"));
        var options = new TeacherOptions { Epochs = 60 };
        double[] lambdas = [0, 1e-3, 1e-2, 1e-1, 1];

        var gradients = lambdas
            .Select(lambda => TeacherTrainer.Train(data, options with { Lambda = lambda }, seed: 0))
            .Select(result => result.MeanSquaredInputGradientTest)
            .ToArray();

        for (var i = 1; i < lambdas.Length; i++)
        {
            Assert.True(gradients[i] < gradients[i - 1],
                $"λ={lambdas[i]} gave {gradients[i]}, not below λ={lambdas[i - 1]}'s {gradients[i - 1]}; "
                + $"all: {string.Join(", ", gradients)}");
        }

        Assert.True(gradients[^1] < gradients[0] / 10, $"λ=1 smoothed too little: {string.Join(", ", gradients)}");
    }
}
