namespace Sweep.Symbolic.Bench;

/// <summary>Fits, selects and scores one model on a standardized split.</summary>
internal static class Scoring
{
    /// <summary>Coefficient of determination, 1 − SSE/SST; −∞ when a prediction is not finite.</summary>
    public static double R2(Expression e, ProblemData data)
    {
        var predictions = new double[data.Rows];
        Evaluator.Evaluate(e, data, predictions);
        var y = data.Target;
        var mean = data.TargetMean;
        double sse = 0, sst = 0;
        for (var r = 0; r < data.Rows; r++)
        {
            sse += (y[r] - predictions[r]) * (y[r] - predictions[r]);
            sst += (y[r] - mean) * (y[r] - mean);
        }

        return double.IsFinite(sse) ? 1 - (sse / sst) : double.NegativeInfinity;
    }

    /// <summary>Runs the engine, picks the model by validation error, returns it with test R² and time.</summary>
    public static (FrontEntry Model, double TestR2, double Seconds, long Evaluations) Run(
        SymbolicOptions options, int islands, int seed, Standardized split)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var regressor = new SymbolicRegressor(options, islands, seed);
        var front = regressor.Fit(split.Fit);
        var model = ModelSelection.Select(front, split.Validation);
        return (model, R2(model.Expression, split.Test), clock.Elapsed.TotalSeconds, regressor.Evaluations);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
