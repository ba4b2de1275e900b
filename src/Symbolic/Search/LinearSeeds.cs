namespace Sweep.Symbolic;

/// <summary>
/// Linear models for an island's first generation, built by forward stepwise selection:
/// x₁, x₁ + c₂·x₂, x₁ + c₂·x₂ + c₃·x₃, … where each next feature is the one most correlated with
/// the residual of the model before it, and every model's constants are fitted by Levenberg–Marquardt.
/// </summary>
/// <remarks>
/// Random programs rarely combine several features with fitted weights, yet on many noisy data sets a
/// linear model in a few features generalizes better than any one-feature formula. Seeding the path
/// gives the search these models to build on, and the hall of fame a candidate at their sizes.
/// The path stops at the size and depth limits, after every usable feature, or when a step no longer
/// lowers the error.
/// </remarks>
internal static class LinearSeeds
{
    /// <summary>The seeded programs, smallest first, and the evaluations they cost.</summary>
    public static (List<Individual> Seeds, long Evaluations) Build(
        ProblemData data, SearchSpace space, int fitIterations, Workspace ws)
    {
        var seeds = new List<Individual>();
        long evaluations = 0;
        var used = new bool[data.Features];
        var residual = new double[data.Rows];
        data.Target.CopyTo(residual);
        Node[] program = [];
        var error = double.PositiveInfinity;
        var combines = space.Binary.Contains(OpCode.Add) && space.Binary.Contains(OpCode.Mul);
        while ((combines || program.Length == 0) && NextFeature(data, residual, used) is { } feature)
        {
            used[feature] = true;
            Node[] candidate = program.Length == 0
                ? [Node.Var(feature)]
                : [.. program, Node.Const(1.0), Node.Var(feature), Node.Of(OpCode.Mul), Node.Of(OpCode.Add)];
            if (!space.Fits(candidate))
            {
                break;
            }

            var score = Fitness.Score(candidate, data, ws);
            var fit = ConstantFitter.Fit(candidate, score, data, fitIterations, ws);
            evaluations += 1 + fit.Evaluations;
            if (!double.IsFinite(fit.Error) || !(fit.Error < error))
            {
                break;
            }

            (program, error) = (fit.Nodes, fit.Error);
            seeds.Add(new Individual(program, error, 0));
            evaluations++;
            Residual(program, data, residual, ws);
        }

        return (seeds, evaluations);
    }

    /// <summary>The unused feature with the largest |correlation| with the residual, or null if none varies.</summary>
    private static int? NextFeature(ProblemData data, ReadOnlySpan<double> residual, bool[] used)
    {
        int? best = null;
        var bestCorrelation = 0.0;
        var rows = data.Rows;
        var residualMean = Mean(residual);
        for (var j = 0; j < data.Features; j++)
        {
            if (used[j])
            {
                continue;
            }

            var x = data.Column(j);
            var xMean = Mean(x);
            double sxy = 0, sxx = 0, syy = 0;
            for (var r = 0; r < rows; r++)
            {
                var dx = x[r] - xMean;
                var dy = residual[r] - residualMean;
                (sxy, sxx, syy) = (sxy + (dx * dy), sxx + (dx * dx), syy + (dy * dy));
            }

            var correlation = sxx > 0 && syy > 0 ? Math.Abs(sxy) / Math.Sqrt(sxx * syy) : 0.0;
            if (double.IsFinite(correlation) && correlation > bestCorrelation)
            {
                (best, bestCorrelation) = (j, correlation);
            }
        }

        return best;
    }

    /// <summary>Target minus the program's linearly scaled prediction.</summary>
    private static void Residual(Node[] program, ProblemData data, double[] residual, Workspace ws)
    {
        var f = ws.Output(data.Rows);
        Evaluator.Run(program, data, f, ws);
        LinearScaling.Mse(f, data, out var a, out var b);
        var y = data.Target;
        for (var r = 0; r < data.Rows; r++)
        {
            residual[r] = y[r] - ((a * f[r]) + b);
        }
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }
}
