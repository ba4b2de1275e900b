namespace Sweep.Symbolic.Tests;

public class LinearSeedsTests
{
    // The target depends on features 3 and 1, strongly and weakly; features 0 and 2 are noise-free distractors.
    private static readonly ProblemData Linear =
        TestData.Make(200, 4, x => (3.0 * x[3]) - (0.7 * x[1]) + 0.5, seed: 5);

    private static SearchSpace Space(SymbolicOptions options, int features) => new(options, features);

    [Fact]
    public void The_path_adds_the_most_correlated_feature_first_and_ends_at_the_exact_linear_model()
    {
        var (seeds, evaluations) = LinearSeeds.Build(Linear, Space(new SymbolicOptions(), 4), 20, Workspace.Current);

        Assert.True(seeds.Count >= 2);
        Assert.Equal([3], Features(seeds[0]));
        Assert.Equal([1, 3], Features(seeds[1]).Order());
        Assert.True(seeds[1].Error < 1e-12 * Linear.TargetVariance, $"error {seeds[1].Error}");
        Assert.True(seeds[0].Error > 0.01 * Linear.TargetVariance);
        Assert.True(evaluations >= 2 * seeds.Count);

        // The fitted model predicts the target: checked against the generating formula on a fresh row.
        var model = HallOfFame.Finalize(seeds[1].Nodes, Linear, Workspace.Current);
        var predictions = new double[Linear.Rows];
        Evaluator.Evaluate(model.Expression, Linear, predictions);
        var row = TestData.Row(Linear, 17);
        Assert.Equal((3.0 * row[3]) - (0.7 * row[1]) + 0.5, predictions[17], 1e-8);
    }

    [Fact]
    public void Each_step_lowers_the_training_error()
    {
        var data = TestData.Make(120, 5, x => x[0] + (0.5 * x[1]) + (0.25 * x[2]) + Math.Sin(3 * x[4]), seed: 9);

        var (seeds, _) = LinearSeeds.Build(data, Space(new SymbolicOptions(), 5), 20, Workspace.Current);

        Assert.True(seeds.Count >= 3);
        Assert.All(seeds.Zip(seeds.Skip(1)), pair => Assert.True(pair.Second.Error < pair.First.Error));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 1)]
    [InlineData(5, 2)]
    [InlineData(9, 3)]
    public void The_path_stops_at_the_size_limit(int maxSize, int expectedSeeds)
    {
        var data = TestData.Make(100, 4, x => x[0] + (0.5 * x[1]) + (0.25 * x[2]) + (0.125 * x[3]), seed: 2);
        var space = Space(new SymbolicOptions { MaxSize = maxSize }, 4);

        var (seeds, _) = LinearSeeds.Build(data, space, 20, Workspace.Current);

        Assert.Equal(expectedSeeds, seeds.Count);
        Assert.All(seeds, s => Assert.True(space.Fits(s.Nodes)));
    }

    [Fact]
    public void Without_addition_or_multiplication_only_the_best_single_feature_is_seeded()
    {
        var space = Space(new SymbolicOptions { Operators = ["-", "sin"] }, 4);

        var (seeds, _) = LinearSeeds.Build(Linear, space, 20, Workspace.Current);

        Assert.Single(seeds);
        Assert.Equal([3], Features(seeds[0]));
    }

    [Fact]
    public void Constant_features_are_never_chosen()
    {
        var rng = new Random(4);
        const int rows = 80;
        var x = new double[rows * 2];
        var y = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            x[r * 2] = 7.0;
            x[(r * 2) + 1] = rng.NextDouble();
            y[r] = 2 * x[(r * 2) + 1];
        }

        var data = new ProblemData(x, rows, 2, y);

        var (seeds, _) = LinearSeeds.Build(data, Space(new SymbolicOptions(), 2), 20, Workspace.Current);

        Assert.Single(seeds);
        Assert.Equal([1], Features(seeds[0]));
    }

    [Fact]
    public void An_island_with_seeds_has_the_exact_linear_model_on_its_front_after_one_generation()
    {
        var options = new SymbolicOptions { Population = 30, Generations = 1, MigrationInterval = 1 };

        var seeded = new Island(options, Linear, seed: 3).RunEpoch([], CancellationToken.None);
        var unseeded = new Island(options with { LinearSeeds = false }, Linear, seed: 3)
            .RunEpoch([], CancellationToken.None);

        Assert.Contains(seeded.Front, e => e.Error < 1e-12 * Linear.TargetVariance);
        Assert.DoesNotContain(unseeded.Front, e => e.Error < 1e-12 * Linear.TargetVariance);
    }

    private static int[] Features(Individual individual) =>
        individual.Nodes.Where(n => n.Op == OpCode.Variable).Select(n => n.Feature).ToArray();
}
