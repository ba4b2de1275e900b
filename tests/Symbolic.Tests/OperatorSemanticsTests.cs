namespace Sweep.Symbolic.Tests;

public class OperatorSemanticsTests
{
    private static readonly ProblemData Data =
        TestData.Make(1300, 2, x => x[0] + x[1], seed: 3, low: 0.1, high: 3.0);

    [Theory]
    [InlineData("(x0 + x1)")]
    [InlineData("(x0 - x1)")]
    [InlineData("(x0 * x1)")]
    [InlineData("(x0 / x1)")]
    [InlineData("(x0 ^ x1)")]
    [InlineData("sin(x0)")]
    [InlineData("cos(x0)")]
    [InlineData("exp(x0)")]
    [InlineData("log(x0)")]
    [InlineData("sqrt(x0)")]
    [InlineData("square(x0)")]
    [InlineData("tanh(x0)")]
    [InlineData("abs((x0 - x1))")]
    public void Each_operator_matches_the_math_library_on_every_row_across_batches(string infix)
    {
        var predictions = Programs.Predict(Programs.Parse(infix), Data);

        for (var r = 0; r < Data.Rows; r++)
        {
            var x = TestData.Row(Data, r);
            var expected = Reference(infix, x[0], x[1]);
            Assert.True(Math.Abs(predictions[r] - expected) <= 1e-13 * Math.Max(1, Math.Abs(expected)),
                $"{infix} at row {r}: {predictions[r]} vs {expected}");
        }
    }

    [Fact]
    public void A_zero_denominator_in_one_row_gives_the_worst_fitness()
    {
        var data = new ProblemData([1.0, 2.0, 0.0, 4.0], 4, 1, [1.0, 2.0, 3.0, 4.0]);

        var score = Fitness.Score(Programs.Parse("(1 / x0)").Nodes, data, Workspace.Current);

        Assert.Equal(double.PositiveInfinity, score);
    }

    [Fact]
    public void An_infinity_hidden_by_a_later_operator_still_gives_the_worst_fitness()
    {
        // exp(1000) overflows to +∞; exp(0 − ∞) = 0 would hide it in the output.
        var data = new ProblemData([1.0, 1000.0, 2.0], 3, 1, [1.0, 2.0, 3.0]);
        var hidden = Programs.Parse("exp((0 - exp(x0)))");

        var output = Programs.Predict(hidden, data);
        var score = Fitness.Score(hidden.Nodes, data, Workspace.Current);

        Assert.Equal(0.0, output[1]);
        Assert.Equal(double.PositiveInfinity, score);
    }

    [Fact]
    public void Log_and_sqrt_of_negative_values_give_the_worst_fitness()
    {
        var data = new ProblemData([1.0, -1.0, 2.0], 3, 1, [1.0, 2.0, 3.0]);

        Assert.Equal(double.PositiveInfinity, Fitness.Score(Programs.Parse("log(x0)").Nodes, data, Workspace.Current));
        Assert.Equal(double.PositiveInfinity, Fitness.Score(Programs.Parse("sqrt(x0)").Nodes, data, Workspace.Current));
    }

    [Fact]
    public void Operator_names_resolve_to_their_codes_and_back()
    {
        for (var code = (int)OpCode.Add; code <= OpCodes.Last; code++)
        {
            var op = (OpCode)code;

            Assert.True(OpCodes.TryParse(OpCodes.Name(op), out var parsed));
            Assert.Equal(op, parsed);
        }

        Assert.True(OpCodes.TryParse("^", out var pow));
        Assert.Equal(OpCode.Pow, pow);
        Assert.False(OpCodes.TryParse("max", out _));
    }

    private static double Reference(string infix, double a, double b) => infix switch
    {
        "(x0 + x1)" => a + b,
        "(x0 - x1)" => a - b,
        "(x0 * x1)" => a * b,
        "(x0 / x1)" => a / b,
        "(x0 ^ x1)" => Math.Pow(a, b),
        "sin(x0)" => Math.Sin(a),
        "cos(x0)" => Math.Cos(a),
        "exp(x0)" => Math.Exp(a),
        "log(x0)" => Math.Log(a),
        "sqrt(x0)" => Math.Sqrt(a),
        "square(x0)" => a * a,
        "tanh(x0)" => Math.Tanh(a),
        "abs((x0 - x1))" => Math.Abs(a - b),
        _ => throw new ArgumentException(infix),
    };
}
