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

    /// <summary>
    /// Runs the engine on the split's fit rows and chooses the model by <paramref name="selection"/>: by AICc after
    /// refitting every front entry on all training rows, or by error on the held-out validation rows and then, when
    /// <paramref name="refit"/> is set, refitted on all training rows (<see cref="ModelSelection.Refit"/>). With
    /// AICc and <paramref name="refit"/> off, entries are compared on all training rows with the constants they
    /// were evolved with. Returns the model with its test R², the test R² of the chosen model before the refit (the
    /// same as TestR2 without one), time and evaluations (refits included).
    /// </summary>
    public static (FrontEntry Model, double TestR2, double TestR2Chosen, double Seconds, long Evaluations) Run(
        SymbolicOptions options, int islands, int seed, Standardized split, bool refit, Selection selection)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var regressor = new SymbolicRegressor(options, islands, seed);
        var front = regressor.Fit(split.Fit);
        FrontEntry chosen, model;
        var evaluations = regressor.Evaluations;
        if (selection == Selection.Aicc)
        {
            model = ModelSelection.SelectByAicc(front, split.Train, out chosen, out var spent, refit);
            evaluations += spent;
        }
        else
        {
            chosen = model = ModelSelection.Select(front, split.Validation);
            if (refit)
            {
                model = ModelSelection.Refit(chosen, split.Train, out var spent);
                evaluations += spent;
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var r2 = R2(model.Expression, split.Test);
        var beforeRefit = ReferenceEquals(model, chosen) ? r2 : R2(chosen.Expression, split.Test);
        return (model, r2, beforeRefit, seconds, evaluations);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
