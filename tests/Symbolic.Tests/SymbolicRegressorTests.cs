namespace Sweep.Symbolic.Tests;

public class SymbolicRegressorTests
{
    [Fact]
    public void Fit_recovers_a_product_plus_a_sine_to_near_zero_error()
    {
        var data = TestData.Make(200, 3, x => (x[0] * x[1]) + Math.Sin(x[2]));
        var options = new SymbolicOptions { Population = 200, Generations = 60 };

        var front = new SymbolicRegressor(options, islands: 2, seed: 7).Fit(data);

        var best = front.MinBy(e => e.Error)!;
        Assert.True(best.Error < 1e-6 * data.TargetVariance, $"best {best.Expression} has MSE {best.Error}");
    }
}
