namespace Sweep.Symbolic.Tests;

public class LinearScalingTests
{
    [Fact]
    public void Scaled_error_equals_the_least_squares_line_solved_independently()
    {
        var data = TestData.Make(257, 1, x => Math.Sin(3 * x[0]) + (0.1 * x[0]), seed: 8);
        var f = data.Column(0).ToArray().Select(v => (v * v) + 1000.0).ToArray();

        var mse = LinearScaling.Mse(f, data, out var a, out var b);

        // Normal equations of y ≈ a·f + b, solved by Cramer's rule in decimal-free doubles.
        double n = f.Length, sf = f.Sum(), sff = f.Sum(v => v * v);
        var y = data.Target.ToArray();
        double sy = y.Sum(), sfy = f.Zip(y, (p, q) => p * q).Sum();
        var det = (n * sff) - (sf * sf);
        var aRef = ((n * sfy) - (sf * sy)) / det;
        var bRef = ((sff * sy) - (sf * sfy)) / det;
        var mseRef = f.Zip(y, (p, q) => (q - (aRef * p) - bRef) * (q - (aRef * p) - bRef)).Average();
        Assert.Equal(aRef, a, 9);
        Assert.Equal(bRef, b, 6);
        Assert.Equal(mseRef, mse, 9);
    }

    [Fact]
    public void A_constant_prediction_scores_the_target_variance()
    {
        var data = TestData.Make(100, 1, x => x[0], seed: 1);
        var f = Enumerable.Repeat(3.0, 100).ToArray();

        var mse = LinearScaling.Mse(f, data, out var a, out var b);

        Assert.Equal(data.TargetVariance, mse);
        Assert.Equal(0.0, a);
        Assert.Equal(data.TargetMean, b);
    }

    [Fact]
    public void A_single_non_finite_prediction_gives_infinite_error_not_NaN()
    {
        var data = TestData.Make(100, 1, x => x[0], seed: 1);
        var f = data.Column(0).ToArray();
        f[57] = double.NaN;

        Assert.Equal(double.PositiveInfinity, LinearScaling.Mse(f, data, out _, out _));
        f[57] = double.PositiveInfinity;
        Assert.Equal(double.PositiveInfinity, LinearScaling.Mse(f, data, out _, out _));
    }
}
