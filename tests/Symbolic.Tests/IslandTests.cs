namespace Sweep.Symbolic.Tests;

public class IslandTests
{
    private static readonly ProblemData Data = TestData.Make(150, 2, x => (x[0] * x[0]) - (0.5 * x[1]), seed: 12);

    private static readonly SymbolicOptions Small = new() { Population = 60, Generations = 20, MigrationInterval = 5 };

    [Fact]
    public void The_same_seed_gives_the_identical_front_twice_even_with_parallel_offspring()
    {
        var options = Small with { Parallelism = 2 };

        var first = new SymbolicRegressor(options, islands: 3, seed: 42).Fit(Data);
        var second = new SymbolicRegressor(options, islands: 3, seed: 42).Fit(Data);

        Assert.Equal(Describe(first), Describe(second));
    }

    [Fact]
    public void Different_seeds_explore_differently()
    {
        var first = new Island(Small, Data, seed: 1).RunEpoch([], CancellationToken.None);
        var second = new Island(Small, Data, seed: 2).RunEpoch([], CancellationToken.None);

        Assert.NotEqual(Describe(first.Front), Describe(second.Front));
    }

    [Fact]
    public void Epochs_run_the_migration_interval_and_finish_at_the_generation_budget()
    {
        var island = new Island(Small with { Generations = 12 }, Data, seed: 3);

        var reports = Enumerable.Range(0, 4).Select(_ => island.RunEpoch([], CancellationToken.None)).ToArray();

        Assert.Equal([5, 10, 12, 12], reports.Select(r => r.GenerationsDone));
        Assert.Equal([false, false, true, true], reports.Select(r => r.Finished));
        Assert.Equal(reports[2].Evaluations, reports[3].Evaluations);
    }

    [Fact]
    public void The_evaluation_budget_is_honoured_within_one_generation()
    {
        var options = Small with { Generations = 1000, MaxEvaluations = 2000, ConstantFittingProbability = 0.5 };
        var island = new Island(options, Data, seed: 4);
        EpochReport report;

        do
        {
            report = island.RunEpoch([], CancellationToken.None);
        }
        while (!report.Finished);

        // One generation costs at most Population × (1 + fitting) plus the front (2 per size).
        var perOffspring = 1 + (options.ConstantFittingIterations * 5) + 1;
        var oneGeneration = (options.Population * perOffspring) + (2 * options.MaxSize);
        Assert.InRange(report.Evaluations, options.MaxEvaluations, options.MaxEvaluations + oneGeneration);
        Assert.True(report.GenerationsDone < options.Generations);
    }

    [Fact]
    public void The_time_budget_stops_an_island_within_an_epoch()
    {
        var options = Small with { Generations = 1_000_000, MaxSeconds = 0.3, MigrationInterval = 1_000_000 };
        var island = new Island(options, Data, seed: 5);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var report = island.RunEpoch([], CancellationToken.None);

        Assert.True(report.Finished);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.3, 3.0);
    }

    [Fact]
    public void Cancellation_stops_an_epoch_with_OperationCanceledException()
    {
        var island = new Island(Small, Data, seed: 6);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => island.RunEpoch([], cancelled.Token));
    }

    [Fact]
    public void An_immigrant_that_solves_the_problem_reaches_the_front()
    {
        var island = new Island(Small with { Generations = 1, MigrationInterval = 1 }, Data, seed: 7);
        var solution = Programs.Parse("((x0 * x0) - (0.5 * x1))");

        var report = island.RunEpoch([solution], CancellationToken.None);

        Assert.Contains(report.Front, e => e.Error < 1e-24);
    }

    [Fact]
    public void Front_entries_carry_their_scaling_and_report_their_own_plain_error()
    {
        var report = new Island(Small, Data, seed: 8).RunEpoch([], CancellationToken.None);

        Assert.NotEmpty(report.Front);
        foreach (var entry in report.Front)
        {
            var predictions = Programs.Predict(entry.Expression, Data);
            var mse = predictions.Zip(Data.Target.ToArray(), (p, y) => (y - p) * (y - p)).Average();
            Assert.Equal(mse, entry.Error, 12);
            Assert.InRange(entry.Size, 1, Small.MaxSize);
            Assert.InRange(entry.Expression.Size, 1, entry.Size + 4);
        }

        Assert.Equal(report.Front.OrderBy(e => e.Size).Select(e => e.Size), report.Front.Select(e => e.Size));
        Assert.True(report.Front.Zip(report.Front.Skip(1)).All(p => p.First.Error > p.Second.Error));
    }

    [Fact]
    public void Front_sizes_count_the_evolved_program_within_max_size_while_the_formula_adds_its_scaling()
    {
        var options = Small with { MaxSize = 3 };

        var front = new SymbolicRegressor(options, islands: 2, seed: 3).Fit(Data);

        Assert.All(front, e => Assert.InRange(e.Size, 1, options.MaxSize));
        Assert.All(front, e => Assert.InRange(e.Expression.Size, 1, e.Size + 4));
        // x0² − 0.5·x1 is not a multiple of any 3-node program, so a·f + b prints more nodes than the limit.
        Assert.Contains(front, e => e.Expression.Size > options.MaxSize);
    }

    [Theory]
    [InlineData(MigrantSource.Front, ImmigrantReplacement.Worst)]
    [InlineData(MigrantSource.Best, ImmigrantReplacement.Oldest)]
    [InlineData(MigrantSource.Front, ImmigrantReplacement.Random)]
    public void Every_migration_policy_sends_the_configured_number_of_emigrants(
        MigrantSource source, ImmigrantReplacement replacement)
    {
        var options = Small with { MigrantSource = source, Replacement = replacement, Migrants = 4 };
        var island = new Island(options, Data, seed: 9);

        var first = island.RunEpoch([], CancellationToken.None);
        var second = island.RunEpoch(first.Emigrants, CancellationToken.None);

        Assert.Equal(4, first.Emigrants.Count);
        Assert.Equal(4, second.Emigrants.Count);
        Assert.All(second.Emigrants, e => Assert.InRange(e.Size, 1, options.MaxSize));
    }

    [Fact]
    public void Invalid_options_are_refused_with_every_problem_named()
    {
        var bad = Small with { Population = 1, Operators = ["+", "max"] };

        var error = Assert.Throws<ArgumentException>(() => new Island(bad, Data, seed: 1));

        Assert.Contains("Population", error.Message);
        Assert.Contains("'max'", error.Message);
    }

    internal static string Describe(IReadOnlyList<FrontEntry> front) =>
        string.Join("\n", front.Select(e =>
            $"{e.Size} {e.Error:R} {string.Join(",", e.Expression.ToArrays().Values)}"));
}
