namespace Sweep.Teachers.Training;

/// <summary>The coefficient of determination.</summary>
internal static class RSquared
{
    /// <summary>
    /// 1 − Σ(yᵢ − ŷᵢ)² / Σ(yᵢ − ȳ)², with ȳ the mean of <paramref name="targets"/>; NaN for no rows. For constant
    /// targets it is 1 when the predictions are exact and 0 otherwise, as scikit-learn's r2_score reports.
    /// </summary>
    public static double Of(IReadOnlyList<double> targets, IReadOnlyList<double> predictions)
    {
        if (targets.Count == 0)
            return double.NaN;

        var mean = targets.Average();
        var residual = 0.0;
        var total = 0.0;
        for (var i = 0; i < targets.Count; i++)
        {
            residual += (targets[i] - predictions[i]) * (targets[i] - predictions[i]);
            total += (targets[i] - mean) * (targets[i] - mean);
        }

        if (total == 0)
            return residual == 0 ? 1 : 0;

        return 1 - residual / total;
    }
}
