namespace Sweep.Symbolic.Tests;

public class IntervalTests
{
    private static readonly Interval[] Unit = [new(0, 1), new(-2, 3), new(1, 4), new(-1, 1)];

    [Theory]
    [InlineData("1 / (x0 - 0.5)")]
    [InlineData("x1 / x3")]
    [InlineData("log(x0)")]
    [InlineData("log(x1 + 1.5)")]
    [InlineData("sqrt(x0 - 0.1)")]
    [InlineData("x2 / sin(x2)")]
    [InlineData("x0 ^ 0.5")]
    [InlineData("x1 ^ (-1)")]
    [InlineData("exp(exp(exp(x2 * 10)))")]
    public void A_pole_or_undefined_region_inside_the_box_is_found(string infix)
    {
        Assert.False(Intervals.IsDefined(Programs.Parse(infix), Unit));
    }

    [Theory]
    [InlineData("1 / (x0 + 0.5)", 2.0 / 3.0, 2.0)]
    [InlineData("log(x2)", 0.0, 1.3862943611198906)]
    [InlineData("sqrt(x0)", 0.0, 1.0)]
    [InlineData("square(x1)", 0.0, 9.0)]
    [InlineData("abs(x1) - 1", -1.0, 2.0)]
    [InlineData("sin(x0 * 3.141592653589793)", 0.0, 1.0)]
    [InlineData("cos(x0 * 3.141592653589793)", -1.0, 1.0)]
    [InlineData("x1 * x3", -3.0, 3.0)]
    [InlineData("x2 ^ (-2)", 0.0625, 1.0)]
    [InlineData("x1 ^ 3", -8.0, 27.0)]
    [InlineData("x2 - x2", -3.0, 3.0)]
    public void Bounds_match_the_functions_range_over_the_box(string infix, double low, double high)
    {
        var e = Programs.Parse(infix);

        var bound = Intervals.Bound(e.Nodes, Unit);

        Assert.NotNull(bound);
        Assert.Equal(low, bound.Value.Low, 1e-12);
        Assert.Equal(high, bound.Value.High, 1e-12);
    }

    [Fact]
    public void Every_value_of_a_random_program_inside_the_box_lies_within_its_bound()
    {
        // Soundness against direct evaluation: 2,000 random programs over every operator, each evaluated at
        // 400 random points of the box and at its corners.
        var data = PointsIn(Unit, 400, seed: 8);
        var rng = new Rng(21);
        var bounded = 0;
        for (var k = 0; k < 2000; k++)
        {
            var e = Programs.Random(rng, Unit.Length, maxSize: 20);
            if (Intervals.Bound(e.Nodes, Unit) is not { } bound)
            {
                continue;
            }

            bounded++;
            var values = Programs.Predict(e, data);
            var slack = 1e-9 * Math.Max(1.0, Math.Max(Math.Abs(bound.Low), Math.Abs(bound.High)));
            Assert.All(values, v => Assert.True(
                double.IsFinite(v) && v >= bound.Low - slack && v <= bound.High + slack,
                $"{ExpressionFormatter.ToInfix(e, Programs.Names)} = {v} outside [{bound.Low}, {bound.High}]"));
        }

        Assert.True(bounded > 500, $"only {bounded} of 2000 random programs were bounded");
    }

    [Fact]
    public void The_front_holds_no_program_undefined_on_the_training_range()
    {
        // The target itself has a pole inside the box (on the line x1 = x0 + 0.05), so the search without the
        // check puts pole-laden fits on its front; with it, none may be there.
        var data = TestData.Make(200, 2, x => 1.0 / (x[0] - x[1] + 0.05), seed: 4, low: 0, high: 3);
        var options = new SymbolicOptions { Population = 80, Generations = 30, MigrationInterval = 10 };
        var box = Intervals.Box(data);

        var front = new SymbolicRegressor(options, islands: 2, seed: 6).Fit(data);
        var unchecked_ = new SymbolicRegressor(options with { IntervalCheck = false }, islands: 2, seed: 6).Fit(data);

        Assert.NotEmpty(front);
        Assert.All(front, entry => Assert.True(Intervals.IsDefined(entry.Expression, box),
            ExpressionFormatter.ToInfix(entry.Expression, Programs.Names)));
        Assert.Contains(unchecked_, entry => !Intervals.IsDefined(entry.Expression, box));
    }

    [Fact]
    public void The_hall_of_fame_refuses_a_better_program_with_a_pole_and_keeps_one_without()
    {
        var box = new[] { new Interval(0, 1) };
        var hall = new HallOfFame(10, box);
        var pole = Programs.Parse("1 / (x0 - 0.5)").Nodes;
        var smooth = Programs.Parse("1 / (x0 + 0.5)").Nodes;

        hall.Add(new Individual(smooth, 2.0, 0));
        hall.Add(new Individual(pole, 1.0, 0));

        Assert.Same(smooth, Assert.Single(hall.Members).Nodes);
        var withoutBox = new HallOfFame(10);
        withoutBox.Add(new Individual(smooth, 2.0, 0));
        withoutBox.Add(new Individual(pole, 1.0, 0));
        Assert.Same(pole, Assert.Single(withoutBox.Members).Nodes);
    }

    [Fact]
    public void The_box_is_the_range_of_each_feature()
    {
        var data = new ProblemData([1, -4, 3, 2, -1, 0], rows: 3, features: 2, target: [0, 1, 2]);

        Assert.Equal([new Interval(-1, 3), new Interval(-4, 2)], Intervals.Box(data));
    }

    private static ProblemData PointsIn(Interval[] box, int rows, int seed)
    {
        var random = new Random(seed);
        var corners = 1 << box.Length;
        var total = rows + corners;
        var x = new double[total * box.Length];
        for (var r = 0; r < total; r++)
        {
            for (var j = 0; j < box.Length; j++)
            {
                x[(r * box.Length) + j] = r < rows
                    ? box[j].Low + ((box[j].High - box[j].Low) * random.NextDouble())
                    : ((r - rows) >> j & 1) == 0 ? box[j].Low : box[j].High;
            }
        }

        return ProblemData.ForPrediction(x, total, box.Length);
    }
}
