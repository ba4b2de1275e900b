namespace Sweep.Symbolic.Tests;

/// <summary>
/// Results must not depend on where the data and the scratch buffers lie in memory: the same program
/// on the same values gives the same bits on any thread, from any copy of the data.
/// </summary>
public class AlignmentIndependenceTests
{
    private const int Rows = 180;

    [Fact]
    public void Every_column_of_the_data_and_of_the_scratch_starts_on_a_64_byte_boundary()
    {
        for (var copy = 0; copy < 20; copy++)
        {
            var data = TestData.Make(Rows + copy, 3, x => x[0], seed: copy);
            for (var j = 0; j < data.Features; j++)
                Assert.Equal(0, Address(data.Column(j)) % AlignedColumns.Alignment);
        }

        var scratch = new Workspace().Scratch(5);
        for (var node = 0; node < 5; node++)
            Assert.Equal(0, Address(scratch[(node * Workspace.BatchRows)..]) % AlignedColumns.Alignment);
    }

    [Fact]
    public void Constant_fitting_gives_the_same_constants_on_every_thread()
    {
        // sin(x2 · (c1 / c2)): c1 and c2 matter only through their ratio, so Levenberg–Marquardt walks a flat
        // valley where a last-bit difference in one prediction shows in the fitted constants.
        var nodes = new[] { Node.Var(2), Node.Const(-0.284), Node.Const(1.339), new Node(OpCode.Div, 0),
            new Node(OpCode.Mul, 0), new Node(OpCode.Sin, 0) };
        var results = OnFreshThreads(12, () =>
        {
            var data = TestData.Make(Rows, 3, x => Math.Sin(0.8 * x[2]) + (0.1 * x[0]), seed: 9);
            var error = Fitness.Score(nodes, data, Workspace.Current);
            var fit = ConstantFitter.Fit(nodes, error, data, 10, Workspace.Current);
            return $"{BitConverter.DoubleToInt64Bits(fit.Error):x} {Bits(fit.Nodes.Select(n => n.Value).ToArray())}";
        });

        Assert.Single(results.Distinct());
    }

    private static List<string> OnFreshThreads(int count, Func<string> work)
    {
        var results = new string[count];
        for (var k = 0; k < count; k++)
        {
            var index = k;
            var thread = new Thread(() => results[index] = work()); // a new thread has a new workspace
            thread.Start();
            thread.Join();
        }

        return [.. results];
    }

    private static string Bits(double[] values) =>
        string.Join(",", values.Select(v => BitConverter.DoubleToInt64Bits(v).ToString("x")));

    private static unsafe long Address(ReadOnlySpan<double> span)
    {
        fixed (double* p = span)
        {
            return (long)p;
        }
    }
}
