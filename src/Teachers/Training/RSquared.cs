using Sweep.Datasets;

namespace Sweep.Teachers.Training;

/// <summary>The coefficient of determination of a teacher's predictions.</summary>
internal static class RSquared
{
    /// <summary>
    /// 1 − Σ(yᵢ − ŷᵢ)² / Σ(yᵢ − ȳ)², computed by <see cref="Metrics.R2"/> (finite for any finite
    /// values, even a held-out target near the double limit); NaN for no rows. For constant targets it is 1 when the
    /// predictions are exact and 0 otherwise, as scikit-learn's r2_score reports.
    /// </summary>
    public static double Of(double[] targets, double[] predictions) =>
        targets.Length == 0 ? double.NaN : Metrics.R2(targets, predictions);
}
