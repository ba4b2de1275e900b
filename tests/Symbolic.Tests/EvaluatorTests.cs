namespace Sweep.Symbolic.Tests;

public class EvaluatorTests
{
    [Fact]
    public void Batched_evaluation_matches_a_scalar_tree_interpreter_on_random_programs()
    {
        var data = TestData.Make(1100, 4, x => x[0], seed: 18, low: 0.5, high: 2);
        var rng = new Rng(8);
        var compared = 0;
        for (var k = 0; k < 300; k++)
        {
            var e = Programs.Random(rng, features: 4, maxSize: k < 10 ? 300 : 40);

            var batched = Programs.Predict(e, data);

            for (var r = 0; r < data.Rows; r += 7)
            {
                var expected = Interpret(e.Nodes, TestData.Row(data, r));
                if (double.IsFinite(expected) && Math.Abs(expected) < 1e8)
                {
                    Assert.True(Math.Abs(batched[r] - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected)),
                        $"{e} row {r}: {batched[r]} vs {expected}");
                    compared++;
                }
            }
        }

        Assert.True(compared > 20_000, $"only {compared} values compared");
    }

    [Fact]
    public void Evaluate_refuses_a_short_output_or_a_missing_feature()
    {
        var data = TestData.Make(10, 2, x => x[0]);

        Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(Programs.Parse("x0"), data, new double[9]));
        Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(Programs.Parse("x3"), data, new double[10]));
    }

    /// <summary>
    /// An independent scalar interpreter: recursion over the tree with System.Math. It gives NaN
    /// (not compared) where sin or cos gets an argument beyond ±1000, since there the last-bit
    /// differences between vectorized and scalar kernels are amplified beyond any fixed tolerance.
    /// </summary>
    private static double Interpret(Node[] nodes, double[] x)
    {
        var lengths = Shape.SubtreeLengths(nodes);
        double At(int i)
        {
            var node = nodes[i];
            if (node.Op == OpCode.Constant)
            {
                return node.Value;
            }

            if (node.Op == OpCode.Variable)
            {
                return x[node.Feature];
            }

            var right = At(i - 1);
            if (node.Arity == 1)
            {
                return node.Op switch
                {
                    OpCode.Sin => Math.Abs(right) > 1000 ? double.NaN : Math.Sin(right),
                    OpCode.Cos => Math.Abs(right) > 1000 ? double.NaN : Math.Cos(right),
                    OpCode.Exp => Math.Exp(right),
                    OpCode.Log => Math.Log(right),
                    OpCode.Sqrt => Math.Sqrt(right),
                    OpCode.Square => right * right,
                    OpCode.Tanh => Math.Tanh(right),
                    _ => Math.Abs(right),
                };
            }

            var left = At(Shape.LeftChild(lengths, i));
            return node.Op switch
            {
                OpCode.Add => left + right,
                OpCode.Sub => left - right,
                OpCode.Mul => left * right,
                OpCode.Div => left / right,
                _ => Math.Pow(left, right),
            };
        }

        return At(nodes.Length - 1);
    }
}
