using System.Diagnostics;
using System.Numerics.Tensors;

namespace Sweep.Symbolic.Bench;

/// <summary>
/// Node evaluations per second (nodes × rows / seconds) for 1,000 random programs of at most 50
/// nodes over 10,000 rows, with arithmetic only and with transcendental operators, on one core and
/// on all cores; beside it the rate of a plain SIMD add over the same buffers, the machine's ceiling
/// for one node.
/// </summary>
internal static class EvaluationBenchmark
{
    private const int Programs = 1000;
    private const int Rows = 10_000;
    private const int MaxSize = 50;

    public static int Run(BenchArguments arguments)
    {
        var data = RandomData(Rows, features: 5, seed: 1);
        var width = System.Numerics.Vector<double>.Count;
        Console.WriteLine($"{Environment.ProcessorCount} cores, {width} doubles per vector, "
            + $"{Rows} rows, {Programs} programs of at most {MaxSize} nodes");
        Console.WriteLine($"simd add loop, 1 core, {Workspace.BatchRows}-row batch buffers  "
            + $"{AddLoopRate(Workspace.BatchRows):E3} element ops/s");
        Console.WriteLine($"simd add loop, 1 core, {Rows}-row buffers      {AddLoopRate(Rows):E3} element ops/s");
        foreach (var (label, operators) in new[]
        {
            ("arithmetic", new[] { "+", "-", "*", "/" }),
            ("transcendental", new[] { "+", "-", "*", "/", "sin", "cos", "exp", "log", "sqrt", "tanh" }),
        })
        {
            var programs = RandomPrograms(operators, data.Features, seed: 2);
            var nodes = programs.Sum(p => (long)p.Length);
            Console.WriteLine($"{label,-15} 1 core     {Rate(programs, data, nodes, parallel: false):E3} node evals/s "
                + $"(mean size {nodes / (double)Programs:F1})");
            Console.WriteLine($"{label,-15} all cores  {Rate(programs, data, nodes, parallel: true):E3} node evals/s");
        }

        return 0;
    }

    private static double Rate(Node[][] programs, ProblemData data, long nodes, bool parallel)
    {
        void Once()
        {
            if (parallel)
            {
                Parallel.For(0, programs.Length, () => new double[data.Rows], (k, _, output) =>
                {
                    Evaluator.Run(programs[k], data, output, Workspace.Current);
                    return output;
                }, _ => { });
            }
            else
            {
                var output = new double[data.Rows];
                foreach (var program in programs)
                {
                    Evaluator.Run(program, data, output, Workspace.Current);
                }
            }
        }

        Once();
        var clock = Stopwatch.StartNew();
        var rounds = 0;
        while (clock.Elapsed.TotalSeconds < 2 || rounds < 2)
        {
            Once();
            rounds++;
        }

        return nodes * (double)data.Rows * rounds / clock.Elapsed.TotalSeconds;
    }

    private static double AddLoopRate(int length)
    {
        var a = new double[length];
        var b = new double[length];
        var c = new double[length];
        Array.Fill(a, 1.5);
        Array.Fill(b, 2.5);
        var clock = Stopwatch.StartNew();
        long elements = 0;
        while (clock.Elapsed.TotalSeconds < 1)
        {
            for (var k = 0; k < 1000; k++)
            {
                TensorPrimitives.Add(a, b, c);
            }

            elements += 1000L * a.Length;
        }

        return elements / clock.Elapsed.TotalSeconds;
    }

    private static Node[][] RandomPrograms(string[] operators, int features, int seed)
    {
        var options = new SymbolicOptions { Operators = operators, MaxSize = MaxSize, MaxDepth = MaxSize };
        var space = new SearchSpace(options, features);
        var rng = new Rng(seed);
        return Enumerable.Range(0, Programs).Select(_ => TreeBuilder.Random(space, rng, MaxSize)).ToArray();
    }

    private static ProblemData RandomData(int rows, int features, int seed)
    {
        var rng = new Rng(seed);
        var x = new double[rows * features];
        for (var k = 0; k < x.Length; k++)
        {
            x[k] = 0.1 + (2 * rng.NextDouble());
        }

        var y = Enumerable.Range(0, rows).Select(r => x[r * features] * x[(r * features) + 1]).ToArray();
        return new ProblemData(x, rows, features, y);
    }
}
