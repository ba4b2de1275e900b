using System.Globalization;

namespace Sweep.Symbolic.Bench;

/// <summary>
/// Ground truth: the 20 equations of the AI Feynman table with the fewest operators, sampled
/// noise-free (each variable uniform in its range), fitted on the raw features (the target
/// standardized) at 200,000 evaluations each; an equation
/// counts as solved when the selected model's test R² exceeds 0.999 (SRBench's accuracy criterion).
/// </summary>
internal static class FeynmanBenchmark
{
    private const int TrainRows = 1000;
    private const int TestRows = 1000;
    private const int Islands = 4;
    private const long Budget = 200_000;

    public static int Run(BenchArguments arguments)
    {
        var equations = Load(Path.Combine(arguments.Datasets, "feynman", "FeynmanEquations.csv"))
            .OrderBy(e => e.Operators).ThenBy(e => e.Number).Take(20).ToArray();
        var budget = arguments.Evaluations > 0 ? arguments.Evaluations : Budget;
        var options = arguments.Apply(new SymbolicOptions
        {
            Population = 200,
            Generations = 100_000,
            MaxSize = 30,
            MaxEvaluations = budget / Islands,
        });
        Console.WriteLine($"equation\toperators\tseed\ttest_r2\tsize\tseconds\tevaluations\tmodel");
        var solved = 0;
        var runs = 0;
        foreach (var equation in equations)
        {
            for (var k = 0; k < arguments.Seeds; k++)
            {
                var seed = arguments.FirstSeed + k;
                var (x, y) = equation.Sample(TrainRows + TestRows, seed);
                var split = Standardized.Split(x, y, equation.Variables.Length, seed,
                    TrainRows / (double)(TrainRows + TestRows), int.MaxValue, scaleFeatures: false);
                var (model, r2, _, seconds, evaluations) =
                    Scoring.Run(options, Islands, seed, split, arguments.Refit, arguments.Select);
                solved += r2 > 0.999 ? 1 : 0;
                runs++;
                var formula = ExpressionFormatter.ToInfix(model.Expression, equation.Variables);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{equation.Name}\t{equation.Operators}\t{seed}\t{r2:F6}\t{model.Expression.Size}\t{seconds:F1}\t"
                    + $"{evaluations}\t{formula}"));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"solved (test R² > 0.999): {solved} of {runs} = {100.0 * solved / runs:F0} %"));
        return 0;
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static IEnumerable<FeynmanEquation> Load(string path)
    {
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var cells = line.Split(',');
            if (cells.Length < 5 || cells[0].Length == 0)
            {
                continue;
            }

            var count = int.Parse(cells[4], CultureInfo.InvariantCulture);
            var names = Enumerable.Range(0, count).Select(k => cells[5 + (3 * k)]).ToArray();
            var lows = Enumerable.Range(0, count).Select(k => Number(cells[6 + (3 * k)]));
            var highs = Enumerable.Range(0, count).Select(k => Number(cells[7 + (3 * k)]));
            var formula = FeynmanEquation.Translate(cells[3]);
            if (formula is null)
            {
                continue;
            }

            var expression = ExpressionParser.Parse(formula, names);
            yield return new FeynmanEquation(cells[0], int.Parse(cells[1], CultureInfo.InvariantCulture), expression,
                names, [.. lows], [.. highs]);
        }
    }
}

/// <summary>One equation of the AI Feynman table with its sampling ranges.</summary>
internal sealed record FeynmanEquation(
    string Name, int Number, Expression Formula, string[] Variables, double[] Lows, double[] Highs)
{
    /// <summary>Operator nodes in the formula.</summary>
    public int Operators => Formula.ToArrays().Codes.Count(c => c >= (int)OpCode.Add);

    /// <summary>
    /// The formula in the engine's infix notation (** → ^, ln → log, pi → its value), or null when
    /// it uses a function the engine lacks (arcsin).
    /// </summary>
    public static string? Translate(string python)
    {
        if (python.Contains("arc", StringComparison.Ordinal))
        {
            return null;
        }

        var text = python.Replace("**", "^", StringComparison.Ordinal).Replace("ln(", "log(", StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.Replace(text, @"\bpi\b",
            Math.PI.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>Rows drawn uniformly in the ranges, with the exact formula's output as target.</summary>
    public (double[] X, double[] Y) Sample(int rows, int seed)
    {
        var rng = new Rng(seed * 7919L + Number);
        var features = Variables.Length;
        var x = new double[rows * features];
        for (var r = 0; r < rows; r++)
        {
            for (var j = 0; j < features; j++)
            {
                x[(r * features) + j] = Lows[j] + ((Highs[j] - Lows[j]) * rng.NextDouble());
            }
        }

        var y = new double[rows];
        Evaluator.Evaluate(Formula, ProblemData.ForPrediction(x, rows, features), y);
        return (x, y);
    }
}
