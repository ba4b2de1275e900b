namespace Sweep.Symbolic;

/// <summary>The score the search minimizes: training MSE after optimal linear scaling.</summary>
internal static class Fitness
{
    /// <summary>
    /// Scaled MSE of the program (see <see cref="LinearScaling"/>), or +∞ — the worst score — when
    /// the evaluation produced a non-finite value anywhere. Costs one evaluation.
    /// </summary>
    public static double Score(ReadOnlySpan<Node> nodes, ProblemData data, Workspace ws)
    {
        var output = ws.Output(data.Rows);
        var valid = Evaluator.Run(nodes, data, output, ws);
        return valid ? LinearScaling.Mse(output, data, out _, out _) : double.PositiveInfinity;
    }
}
