namespace Sweep.Symbolic.Tests;

public class ModelSelectionTests
{
    [Fact]
    public void Without_validation_the_best_score_within_one_and_a_half_times_the_lowest_error_wins()
    {
        // Scores by hand: size 3: −ln(0.1/1)/2 = 1.151; size 5: −ln(0.09/0.1)/2 = 0.053;
        // size 7: −ln(0.085/0.09)/2 = 0.029. Size 1 (error 1) is above 1.5 × 0.085.
        FrontEntry[] front =
        [
            new(Expression.Constant(1), 1, 1.0), new(Expression.Constant(3), 3, 0.1),
            new(Expression.Constant(5), 5, 0.09), new(Expression.Constant(7), 7, 0.085),
        ];

        Assert.Equal(3, ModelSelection.Select(front, validation: null).Size);
    }

    [Fact]
    public void Without_validation_a_large_entry_wins_when_only_it_is_close_to_the_lowest_error()
    {
        FrontEntry[] front =
        [
            new(Expression.Constant(1), 1, 10.0), new(Expression.Constant(3), 3, 1.0),
            new(Expression.Constant(8), 8, 0.1),
        ];

        Assert.Equal(8, ModelSelection.Select(front, validation: null).Size);
    }

    [Fact]
    public void With_validation_the_smallest_entry_within_one_percent_of_the_lowest_validation_error_wins()
    {
        var noise = new Random(5);
        var validation = TestData.Make(400, 2, x => (2 * x[0]) + (0.01 * (noise.NextDouble() - 0.5)), seed: 13);
        var exact = Programs.Parse("(2 * x0)");
        var longer = Programs.Parse("((2 * x0) + (0.00001 * x1))");
        var wrong = Programs.Parse("x0");
        var undefined = Programs.Parse("log(x0)");
        FrontEntry[] front =
        [
            new(wrong, 1, 0.5), new(undefined, 2, 0.01), new(exact, 3, 0.2), new(longer, 7, 0.1),
        ];

        var chosen = ModelSelection.Select(front, validation);

        Assert.Same(exact, chosen.Expression);
        var errors = front.Select(e => ModelSelection.ValidationError(e, validation)).ToArray();
        Assert.True(errors[2] <= 1.01 * errors.Where(double.IsFinite).Min());
        Assert.Equal(double.PositiveInfinity, ModelSelection.ValidationError(front[1], validation));
    }

    [Fact]
    public void With_validation_a_larger_entry_wins_when_it_is_clearly_more_accurate()
    {
        var validation = TestData.Make(300, 2, x => (2 * x[0]) + (0.5 * x[1]), seed: 14);
        var partial = Programs.Parse("(2 * x0)");
        var full = Programs.Parse("((2 * x0) + (0.5 * x1))");

        var chosen = ModelSelection.Select([new(partial, 3, 0.1), new(full, 7, 0.2)], validation);

        Assert.Same(full, chosen.Expression);
    }

    [Fact]
    public void With_validation_exact_fits_of_different_sizes_are_ties_won_by_the_smallest()
    {
        var validation = TestData.Make(300, 2, x => x[0] / x[1], seed: 21, low: 1, high: 3);
        var small = Programs.Parse("((x0 / x1) * 1.00000000001)");
        var large = Programs.Parse("(((x0 - x1) / x1) + 1)");

        var chosen = ModelSelection.Select([new(small, 5, 1e-20), new(large, 7, 0.0)], validation);

        Assert.Same(small, chosen.Expression);
        Assert.True(ModelSelection.ValidationError(chosen, validation) > ModelSelection.ValidationError(
            new(large, 7, 0.0), validation));
    }

    [Fact]
    public void A_refit_fits_the_constants_on_the_given_rows_and_keeps_the_structure_and_size()
    {
        var data = TestData.Make(200, 2, x => (3 * Math.Sin(1.5 * x[0])) + 0.5, seed: 31);
        var rough = Programs.Parse("((sin((1.2 * x0)) * 2) + 0.1)");
        var entry = new FrontEntry(rough, 4, 1.0);

        var refitted = ModelSelection.Refit(entry, data, out var evaluations);

        Assert.Equal(4, refitted.Size);
        Assert.True(refitted.Expression.Size <= rough.Size);
        Assert.True(refitted.Error < 1e-12, $"error {refitted.Error}");
        Assert.Equal(refitted.Error, ModelSelection.ValidationError(refitted, data), 12);
        Assert.InRange(evaluations, 2, (2 * ModelSelection.RefitIterations) + 10);
    }

    [Fact]
    public void A_refit_returns_the_entry_unchanged_when_it_cannot_improve_it()
    {
        var data = TestData.Make(100, 2, x => x[0] + x[1], seed: 32);
        var exact = Programs.Parse("(x0 + x1)");
        var entry = new FrontEntry(exact, 3, 0.0);
        var undefined = new FrontEntry(Programs.Parse("x3"), 1, 0.5);

        Assert.Same(entry, ModelSelection.Refit(entry, data, out _));
        Assert.Same(undefined, ModelSelection.Refit(undefined, data, out _));
    }

    [Fact]
    public void An_empty_front_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ModelSelection.Select([], null));
    }
}
