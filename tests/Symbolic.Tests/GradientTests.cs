namespace Sweep.Symbolic.Tests;

public class GradientTests
{
    [Theory]
    [InlineData("((1.3 * sin((0.7 * x0))) + (x1 / (2.1 + x0)))")]
    [InlineData("(exp((0.3 * x1)) - log((1.5 * x0)))")]
    [InlineData("(sqrt((0.8 + x0)) * tanh((x1 - 0.4)))")]
    [InlineData("((x0 ^ 1.7) + square((0.6 * x1)))")]
    [InlineData("((2.2 ^ x1) + abs((x0 - 1.1)))")]
    [InlineData("cos(((0.9 * x0) * (1.2 - x1)))")]
    public void Reverse_mode_derivatives_match_central_finite_differences(string infix)
    {
        var data = TestData.Make(700, 2, x => x[0], seed: 2, low: 0.2, high: 2.0);
        var e = Programs.Parse(infix);
        var m = e.ConstantCount;
        var f = new double[data.Rows];
        var jacobian = new double[data.Rows * m];

        var valid = Gradient.Jacobian(e.Nodes, data, f, jacobian, Workspace.Current);

        Assert.True(valid);
        Assert.Equal(Programs.Predict(e, data), f);
        var constantPositions = Enumerable.Range(0, e.Size).Where(i => e.Nodes[i].Op == OpCode.Constant).ToArray();
        for (var k = 0; k < m; k++)
        {
            var (plus, minus, h) = Nudged(e, constantPositions[k]);
            var up = Programs.Predict(plus, data);
            var down = Programs.Predict(minus, data);
            for (var r = 0; r < data.Rows; r++)
            {
                var numeric = (up[r] - down[r]) / (2 * h);
                var exact = jacobian[(k * data.Rows) + r];
                Assert.True(Math.Abs(numeric - exact) <= 1e-6 * Math.Max(1, Math.Abs(exact)),
                    $"constant {k} row {r}: exact {exact}, numeric {numeric}");
            }
        }
    }

    private static (Expression Plus, Expression Minus, double H) Nudged(Expression e, int position)
    {
        var (codes, values) = e.ToArrays();
        var h = 1e-6 * Math.Max(1, Math.Abs(values[position]));
        var up = (double[])values.Clone();
        var down = (double[])values.Clone();
        up[position] += h;
        down[position] -= h;
        return (Expression.FromArrays(codes, up), Expression.FromArrays(codes, down), h);
    }
}
