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

    [Theory]
    [InlineData(0.5, 3, 20)]
    [InlineData(2.0, 7, 500)]
    [InlineData(1e-8, 1, 4)]
    public void Aicc_is_the_aic_of_a_gaussian_model_plus_the_small_sample_correction(double mse, int k, int n)
    {
        // AIC = n·ln(MSE) + 2k (constant terms dropped) plus the correction 2k(k + 1)/(n − k − 1).
        var expected = (n * Math.Log(mse)) + (2 * k) + (2.0 * k * (k + 1) / (n - k - 1));

        Assert.Equal(expected, ModelSelection.Aicc(mse, k, n), 9);
    }

    [Fact]
    public void Aicc_is_undefined_for_as_many_parameters_as_rows_less_one_and_for_a_non_finite_error()
    {
        Assert.Equal(double.PositiveInfinity, ModelSelection.Aicc(0.1, 9, 10));
        Assert.Equal(double.PositiveInfinity, ModelSelection.Aicc(0.1, 12, 10));
        Assert.Equal(double.PositiveInfinity, ModelSelection.Aicc(double.NaN, 2, 10));
        Assert.Equal(double.PositiveInfinity, ModelSelection.Aicc(double.PositiveInfinity, 2, 10));
        Assert.True(double.IsFinite(ModelSelection.Aicc(0.1, 8, 10)));
    }

    [Fact]
    public void By_aicc_a_noisy_line_is_chosen_over_a_longer_formula_that_fits_better_and_comes_back_least_squares()
    {
        var noise = new Random(41);
        var data = TestData.Make(60, 2, x => (2 * x[0]) + 0.5 + (0.6 * (noise.NextDouble() - 0.5)), seed: 42);
        var unrelated = new FrontEntry(Programs.Parse("x1"), 1, 4.0);
        var line = new FrontEntry(Programs.Parse("((x0 * 1.7) + 0.2)"), 1, 0.2);
        var longer = new FrontEntry(Programs.Parse("(((x0 + (0.01 * x1)) * 1.7) + 0.2)"), 5, 0.02);

        var chosen = ModelSelection.SelectByAicc([unrelated, longer, line], data, out var original, out var spent);

        Assert.Same(line, original);
        var expectedSpent = new[] { unrelated, longer, line }.Sum(e =>
            ReferenceEquals(ModelSelection.Refit(e, data, out var s), e) ? s + 1 : s);
        Assert.Equal(expectedSpent, spent);
        var (slope, intercept) = LeastSquares(data);
        var predictions = new double[data.Rows];
        Evaluator.Evaluate(chosen.Expression, data, predictions);
        for (var r = 0; r < data.Rows; r++)
        {
            Assert.Equal((slope * TestData.Row(data, r)[0]) + intercept, predictions[r], 6);
        }

        // The longer formula nests the line, so refitted it fits the rows better; its penalty decides.
        var refitted = new[] { unrelated, longer, line }.Select(e => ModelSelection.Refit(e, data, out _)).ToArray();
        var errors = refitted.Select(e => ModelSelection.ValidationError(e, data)).ToArray();
        Assert.True(errors[1] < errors[2], string.Join(", ", errors));
        var aicc = refitted.Select((e, k) => ModelSelection.Aicc(errors[k], e.Expression.Size, data.Rows)).ToArray();
        Assert.True(aicc[2] < aicc[0] && aicc[2] < aicc[1], string.Join(", ", aicc));
    }

    [Fact]
    public void By_aicc_a_longer_formula_is_chosen_when_it_lowers_the_error_far_beyond_its_penalty()
    {
        var data = TestData.Make(80, 1, x => (x[0] * x[0]) + 0.3, seed: 43);
        var line = new FrontEntry(Programs.Parse("((x0 * 0.5) + 1)"), 1, 0.9);
        var parabola = new FrontEntry(Programs.Parse("((square((x0 + 0.2)) * 0.9) + 0.1)"), 4, 0.1);

        var chosen = ModelSelection.SelectByAicc([line, parabola], data, out var original, out _);

        Assert.Same(parabola, original);
        Assert.True(chosen.Error < 1e-12, $"error after the refit {chosen.Error}");
    }

    [Fact]
    public void By_aicc_a_formula_with_more_nodes_than_rows_less_one_is_never_chosen_however_exact()
    {
        var data = TestData.Make(6, 4, x => x[0] + x[1] + x[2] + x[3], seed: 44);
        var exact = new FrontEntry(Programs.Parse("(((x0 + x1) + x2) + x3)"), 7, 0.0);
        var partial = new FrontEntry(Programs.Parse("x0"), 1, 0.5);

        ModelSelection.SelectByAicc([exact, partial], data, out var original, out _);

        Assert.Same(partial, original);
        Assert.Equal(double.PositiveInfinity, ModelSelection.Aicc(1e-9, exact.Expression.Size, data.Rows));
    }

    [Fact]
    public void By_aicc_exact_fits_of_different_sizes_are_ties_won_by_the_smallest()
    {
        var data = TestData.Make(300, 2, x => x[0] / x[1], seed: 21, low: 1, high: 3);
        var small = new FrontEntry(Programs.Parse("((x0 / x1) * 1.00000000001)"), 5, 1e-20);
        var large = new FrontEntry(Programs.Parse("(((x0 - x1) / x1) + 1)"), 7, 0.0);
        Assert.True(ModelSelection.ValidationError(small, data) > ModelSelection.ValidationError(large, data));

        ModelSelection.SelectByAicc([small, large], data, out var original, out _, refit: false);

        Assert.Same(small, original);
    }

    [Fact]
    public void By_aicc_without_a_refit_the_entries_are_compared_with_their_own_constants()
    {
        var data = TestData.Make(60, 1, x => (3 * x[0]) + 1, seed: 46);
        var rough = new FrontEntry(Programs.Parse("((x0 * 2) + 1)"), 1, 0.1);
        var exact = new FrontEntry(Programs.Parse("((x0 * 3) + (1 + (0 * x0)))"), 5, 0.0);

        var refitted = ModelSelection.SelectByAicc([rough, exact], data, out var withRefit, out _);
        var kept = ModelSelection.SelectByAicc([rough, exact], data, out var withoutRefit, out var spent, refit: false);

        Assert.Same(rough, withRefit);
        Assert.True(refitted.Error < 1e-12, $"error after the refit {refitted.Error}");
        Assert.Same(exact, withoutRefit);
        Assert.Same(exact, kept);
        Assert.Equal(2, spent);
    }

    [Fact]
    public void By_aicc_with_no_entry_defined_the_rule_without_validation_chooses()
    {
        var data = TestData.Make(3, 2, x => x[0] - x[1], seed: 45);
        FrontEntry[] front = [new(Programs.Parse("(x0 * 1.5)"), 2, 0.4), new(Programs.Parse("(x0 - x1)"), 3, 0.0)];
        var byScore = ModelSelection.Select(front, validation: null);
        Assert.Same(front[1], byScore);

        var chosen = ModelSelection.SelectByAicc(front, data, out var original, out _);

        Assert.Same(byScore, original);
        Assert.Equal(byScore.Size, chosen.Size);
    }

    /// <summary>Closed-form simple regression of the target on feature 0.</summary>
    private static (double Slope, double Intercept) LeastSquares(ProblemData data)
    {
        var x = Enumerable.Range(0, data.Rows).Select(r => TestData.Row(data, r)[0]).ToArray();
        var y = data.Target.ToArray();
        var (mx, my) = (x.Average(), y.Average());
        var slope = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum() / x.Sum(a => (a - mx) * (a - mx));
        return (slope, my - (slope * mx));
    }

    [Fact]
    public void An_empty_front_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ModelSelection.Select([], null));
        Assert.Throws<ArgumentException>(() => ModelSelection.SelectByAicc(
            [], TestData.Make(10, 1, x => x[0]), out _, out _));
    }
}
