using System.Globalization;
using System.Text.Json;

namespace Sweep.Symbolic.Tests;

public class SympyExportTests
{
    private const string Evaluate = """
        import json, sys
        import mpmath
        import sympy
        mpmath.mp.dps = 40
        cases = json.load(sys.stdin)
        for case in cases:
            expr = sympy.sympify(case["text"])
            symbols = [sympy.Symbol(name) for name in case["names"]]
            unknown = expr.free_symbols - set(symbols)
            if unknown:
                raise SystemExit("unexpected symbols: %s" % unknown)
            f = sympy.lambdify(symbols, expr, modules="mpmath")
            out = []
            for row in case["rows"]:
                try:
                    v = complex(f(*[mpmath.mpf(x) for x in row]))
                    out.append(repr(v.real) if abs(v.imag) <= 1e-12 * max(1.0, abs(v.real)) else "nan")
                except (ZeroDivisionError, OverflowError, ValueError, TypeError):
                    out.append("nan")
            print(" ".join(out))
        """;

    private static readonly string[] Reserved = ["N", "E", "I", "S", "lambda", "pi"];

    [SympyFact]
    public void Sympy_reads_every_exported_random_program_with_the_same_predictions()
    {
        var data = TestData.Make(12, Reserved.Length, x => x[0], seed: 16, low: 0.5, high: 2.0);
        var rng = new Rng(99);
        var programs = Enumerable.Range(0, 150)
            .Select(_ => Programs.Random(rng, Reserved.Length, maxSize: 15)).ToList();
        programs.Add(ExpressionParser.Parse("((N * E) + sin(I)) - (S / lambda) + pi", Reserved));

        var sympy = RunSympy(programs, Reserved, data);

        var compared = 0;
        for (var k = 0; k < programs.Count; k++)
        {
            var ours = Programs.Predict(programs[k], data);
            for (var r = 0; r < data.Rows; r++)
            {
                if (!double.IsFinite(ours[r]) || Math.Abs(ours[r]) > 1e12)
                {
                    continue;
                }

                Assert.True(Math.Abs(ours[r] - sympy[k][r]) <= 1e-8 * Math.Max(1, Math.Abs(ours[r])),
                    $"{ExpressionFormatter.ToSympy(programs[k], Reserved)} row {r}: "
                    + $"ours {ours[r]}, sympy {sympy[k][r]}");
                compared++;
            }
        }

        Assert.True(compared > 1000, $"only {compared} finite predictions were compared");
    }

    internal static double[][] RunSympy(IReadOnlyList<Expression> programs, string[] names, ProblemData data)
    {
        var rows = Enumerable.Range(0, data.Rows).Select(r => TestData.Row(data, r)).ToArray();
        var cases = programs.Select(p => new { text = ExpressionFormatter.ToSympy(p, names), names, rows });
        var output = PythonSympy.Run(Evaluate, JsonSerializer.Serialize(cases));
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
    }
}
