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

    [Fact]
    public void Random_topology_is_reproducible_and_the_merged_front_is_non_dominated()
    {
        var data = TestData.Make(120, 2, x => Math.Exp(x[0]) - x[1], seed: 19);
        var options = new SymbolicOptions
        {
            Population = 50,
            Generations = 15,
            MigrationInterval = 3,
            Topology = MigrationTopology.Random,
        };

        var first = new SymbolicRegressor(options, islands: 3, seed: 5).Fit(data);
        var second = new SymbolicRegressor(options, islands: 3, seed: 5).Fit(data);

        Assert.Equal(IslandTests.Describe(first), IslandTests.Describe(second));
        Assert.True(first.Zip(first.Skip(1)).All(p => p.First.Size < p.Second.Size && p.First.Error > p.Second.Error));
    }

    [Fact]
    public void The_evaluation_budget_applies_to_each_island()
    {
        var data = TestData.Make(100, 2, x => x[0] * x[1], seed: 20);
        var options = new SymbolicOptions { Population = 40, Generations = 10_000, MaxEvaluations = 1500 };
        var regressor = new SymbolicRegressor(options, islands: 2, seed: 6);

        regressor.Fit(data);

        Assert.InRange(regressor.Evaluations, 2 * 1500, 2 * (1500 + (40 * 80) + 60));
    }
}
