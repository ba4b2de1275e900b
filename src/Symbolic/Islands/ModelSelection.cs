namespace Sweep.Symbolic;

/// <summary>Picks the one formula to report from a Pareto front.</summary>
/// <remarks>
/// With validation data: the entry with the lowest validation MSE, except that the smallest entry
/// whose validation MSE is within <see cref="ValidationTolerance"/> (relative) of that lowest, or
/// within <see cref="ValidationFloor"/> × the validation target's variance of it, wins. A formula is
/// thus not made longer for a gain the validation set cannot tell from noise, nor for one at the
/// level of rounding when several formulas fit exactly. Entries
/// whose validation predictions are not finite are never chosen. The sweep uses this rule.
/// Without validation data: PySR's rule. Sorted by size, each entry's score is
/// −Δln(error)/Δsize against the next smaller entry (the smallest scores 0); among entries whose
/// training error is at most 1.5 × the lowest, the highest score wins.
/// <see cref="SelectByAicc"/> is a third rule: every entry refitted on the rows given, the lowest AICc wins.
/// </remarks>
public static class ModelSelection
{
    /// <summary>Relative slack on validation MSE in favour of smaller formulas.</summary>
    public const double ValidationTolerance = 0.01;

    /// <summary>Absolute slack on validation MSE, as a fraction of the validation target's variance.</summary>
    public const double ValidationFloor = 1e-9;

    /// <summary>Entries within this factor of the lowest training error compete on score.</summary>
    public const double ScoreErrorFactor = 1.5;

    public static FrontEntry Select(IReadOnlyList<FrontEntry> front, ProblemData? validation)
    {
        ArgumentNullException.ThrowIfNull(front);
        if (front.Count == 0)
        {
            throw new ArgumentException("The front is empty; there is no formula to select.", nameof(front));
        }

        var sorted = front.OrderBy(e => e.Size).ThenBy(e => e.Error).ToArray();
        return validation is null ? ByScore(sorted) : ByValidation(sorted, validation);
    }

    /// <summary>
    /// Plain MSE of <paramref name="entry"/> on <paramref name="data"/>; +∞ if a prediction is not finite.
    /// </summary>
    public static double ValidationError(FrontEntry entry, ProblemData data)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(data);
        if (entry.Expression.MaxFeature >= data.Features)
        {
            return double.PositiveInfinity;
        }

        var predictions = new double[data.Rows];
        Evaluator.Evaluate(entry.Expression, data, predictions);
        return LinearScaling.PlainMse(predictions, data.Target);
    }

    /// <summary>Most Levenberg–Marquardt iterations of <see cref="Refit"/>.</summary>
    public const int RefitIterations = 50;

    /// <summary>
    /// The chosen entry with its constants and linear scaling fitted again by Levenberg–Marquardt on
    /// <paramref name="data"/>, typically every training row (the rows it was evolved on together with the
    /// validation rows it was chosen on), so that the rows held out for selection also shape the final
    /// constants. The structure and <see cref="FrontEntry.Size"/> stay; <see cref="FrontEntry.Error"/> becomes
    /// the plain MSE on <paramref name="data"/>. The entry comes back as it was when the refit is not finite,
    /// is no better on <paramref name="data"/>, would make the formula longer, or would move a pole into the range
    /// of <paramref name="data"/>'s inputs (see <see cref="Intervals"/>) where the entry had none.
    /// </summary>
    /// <param name="evaluations">Program runs spent (each Jacobian counts as one, as in the search).</param>
    public static FrontEntry Refit(
        FrontEntry entry, ProblemData data, out long evaluations, int iterations = RefitIterations)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(data);
        evaluations = 0;
        if (entry.Expression.MaxFeature >= data.Features)
        {
            return entry;
        }

        var ws = Workspace.Current;
        var nodes = entry.Expression.Nodes;
        var f = ws.Output(data.Rows);
        var valid = Evaluator.Run(nodes, data, f, ws);
        evaluations++;
        var before = valid ? LinearScaling.PlainMse(f, data.Target) : double.PositiveInfinity;
        var scaled = valid ? LinearScaling.Mse(f, data, out _, out _) : double.PositiveInfinity;
        if (!double.IsFinite(scaled))
        {
            return entry;
        }

        var fit = ConstantFitter.Fit(nodes, scaled, data, iterations, ws);
        evaluations += fit.Evaluations + 2;
        var refitted = HallOfFame.Finalize(fit.Nodes, data, ws);
        var box = Intervals.Box(data);
        var staysDefined = !Intervals.IsDefined(entry.Expression, box)
            || Intervals.IsDefined(refitted.Expression, box);
        return double.IsFinite(refitted.Error) && refitted.Error < before
            && refitted.Expression.Size <= entry.Expression.Size && staysDefined
            ? new FrontEntry(refitted.Expression, entry.Size, refitted.Error)
            : entry;
    }

    /// <summary>
    /// Refits every front entry on <paramref name="data"/> (<see cref="Refit"/>), typically all training rows, and
    /// returns the refitted entry with the lowest corrected Akaike information criterion,
    /// AICc = n·ln(MSE) + 2k·n / (n − k − 1), where n is <paramref name="data"/>'s row count, MSE the entry's
    /// plain error on those rows and k its <see cref="Expression.Size"/>: every node of the formula counts as a
    /// parameter, its linear scaling included. An MSE below <see cref="ValidationFloor"/> × the target's
    /// variance counts as that floor, so exact fits of different sizes differ by their penalty alone, not by
    /// rounding.
    /// Entries with k ≥ n − 1, for which AICc is undefined, and entries whose error is not finite are not
    /// chosen; when that leaves none, the rule without validation data (<see cref="Select"/>) chooses.
    /// <paramref name="original"/> is the chosen entry as it was on the front, before its refit.
    /// </summary>
    /// <remarks>
    /// Where the search fitted only part of <paramref name="data"/> (the rest held out), the error of each
    /// entry is partly measured on rows its structure was not evolved on, and every row also shapes the
    /// constants; on a small held-out set this chooses better than the held-out error alone, whose noise
    /// decides between formulas of close error.
    /// </remarks>
    /// <param name="refit">False to compare the entries with the constants they were evolved with.</param>
    /// <param name="evaluations">Program runs spent by the refits and the errors (each Jacobian counts as one).</param>
    public static FrontEntry SelectByAicc(
        IReadOnlyList<FrontEntry> front, ProblemData data, out FrontEntry original, out long evaluations,
        bool refit = true)
    {
        ArgumentNullException.ThrowIfNull(front);
        ArgumentNullException.ThrowIfNull(data);
        if (front.Count == 0)
        {
            throw new ArgumentException("The front is empty; there is no formula to select.", nameof(front));
        }

        var sorted = front.OrderBy(e => e.Size).ThenBy(e => e.Error).ToArray();
        var candidates = new FrontEntry[sorted.Length];
        var floor = ValidationFloor * data.TargetVariance;
        evaluations = 0;
        var best = -1;
        var lowest = double.PositiveInfinity;
        for (var k = 0; k < sorted.Length; k++)
        {
            var spent = 0L;
            candidates[k] = refit ? Refit(sorted[k], data, out spent) : sorted[k];
            evaluations += spent;
            var fresh = !ReferenceEquals(candidates[k], sorted[k]);
            var error = fresh ? candidates[k].Error : ErrorCounted(sorted[k], data, ref evaluations);
            var aicc = Aicc(Math.Max(error, floor), candidates[k].Expression.Size, data.Rows);
            if (aicc < lowest)
            {
                (best, lowest) = (k, aicc);
            }
        }

        if (best < 0)
        {
            best = Array.IndexOf(sorted, Select(front, validation: null));
        }

        original = sorted[best];
        return candidates[best];
    }

    /// <summary>
    /// AICc = n·ln(mse) + 2k·n / (n − k − 1) of a Gaussian model with <paramref name="k"/> parameters fitted to
    /// <paramref name="n"/> rows; +∞ where it is undefined (k ≥ n − 1) or <paramref name="mse"/> is not finite.
    /// An <paramref name="mse"/> below 1e-300 counts as 1e-300.
    /// </summary>
    public static double Aicc(double mse, int k, int n)
    {
        if (!double.IsFinite(mse) || n - k - 1 <= 0)
        {
            return double.PositiveInfinity;
        }

        const double floor = 1e-300;
        return (n * Math.Log(Math.Max(mse, floor))) + (2.0 * k * n / (n - k - 1));
    }

    /// <summary>
    /// <see cref="ValidationError"/>, adding the one program run it makes to <paramref name="evaluations"/>.
    /// </summary>
    private static double ErrorCounted(FrontEntry entry, ProblemData data, ref long evaluations)
    {
        if (entry.Expression.MaxFeature < data.Features)
        {
            evaluations++;
        }

        return ValidationError(entry, data);
    }

    private static FrontEntry ByValidation(FrontEntry[] sorted, ProblemData validation)
    {
        var errors = sorted.Select(e => ValidationError(e, validation)).ToArray();
        var lowest = errors.Min();
        if (!double.IsFinite(lowest))
        {
            return ByScore(sorted);
        }

        var limit = Math.Max(
            lowest * (1.0 + ValidationTolerance), lowest + (ValidationFloor * validation.TargetVariance));
        return sorted[Array.FindIndex(errors, e => e <= limit)];
    }

    private static FrontEntry ByScore(FrontEntry[] sorted)
    {
        var lowest = sorted.Min(e => e.Error);
        var best = sorted[0];
        var bestScore = double.NegativeInfinity;
        for (var k = 0; k < sorted.Length; k++)
        {
            var score = k == 0 ? 0.0 : Score(sorted[k - 1], sorted[k]);
            if (sorted[k].Error <= ScoreErrorFactor * lowest && score > bestScore)
            {
                best = sorted[k];
                bestScore = score;
            }
        }

        return best;
    }

    private static double Score(FrontEntry smaller, FrontEntry larger)
    {
        const double floor = 1e-300;
        var sizeStep = Math.Max(1, larger.Size - smaller.Size);
        return -(Math.Log(Math.Max(larger.Error, floor)) - Math.Log(Math.Max(smaller.Error, floor))) / sizeStep;
    }
}
