namespace Sweep.Datasets;

/// <summary>Regression scores, computed so that large but finite values do not overflow.</summary>
public static class Metrics
{
    /// <summary>
    /// Coefficient of determination <c>R² = 1 − Σ(yᵢ − ŷᵢ)² / Σ(yᵢ − ȳ)²</c>.
    /// </summary>
    /// <remarks>
    /// Every value is divided by the largest magnitude present before squaring, which leaves R²
    /// unchanged and keeps each sum finite. When the truth is constant R² is undefined; like
    /// scikit-learn's <c>r2_score</c> this returns 1 for an exact prediction and 0 otherwise. A
    /// non-finite value in either span gives NaN.
    /// </remarks>
    public static double R2(ReadOnlySpan<double> truth, ReadOnlySpan<double> prediction)
    {
        var magnitude = CommonMagnitude(truth, prediction);
        if (double.IsNaN(magnitude))
        {
            return double.NaN;
        }

        var mean = 0.0;
        foreach (var t in truth)
        {
            mean += t / magnitude;
        }

        mean /= truth.Length;
        var residual = 0.0;
        var total = 0.0;
        for (var i = 0; i < truth.Length; i++)
        {
            var t = truth[i] / magnitude;
            var error = t - prediction[i] / magnitude;
            residual += error * error;
            total += (t - mean) * (t - mean);
        }

        if (total == 0)
        {
            return residual == 0 ? 1 : 0;
        }

        return 1 - residual / total;
    }

    /// <summary>
    /// Mean squared error <c>Σ(yᵢ − ŷᵢ)² / n</c>, in the squared units of the values. It is infinite only when
    /// the true value exceeds the double range; on standardized values it is finite. A non-finite value in
    /// either span gives NaN.
    /// </summary>
    public static double MeanSquaredError(ReadOnlySpan<double> truth, ReadOnlySpan<double> prediction)
    {
        var magnitude = CommonMagnitude(truth, prediction);
        if (double.IsNaN(magnitude))
        {
            return double.NaN;
        }

        var sum = 0.0;
        for (var i = 0; i < truth.Length; i++)
        {
            var error = truth[i] / magnitude - prediction[i] / magnitude;
            sum += error * error;
        }

        return sum / truth.Length * magnitude * magnitude;
    }

    /// <summary>Largest magnitude of both spans (1 when all are zero), or NaN when a value is not finite.</summary>
    private static double CommonMagnitude(ReadOnlySpan<double> truth, ReadOnlySpan<double> prediction)
    {
        if (truth.Length != prediction.Length)
        {
            throw new ArgumentException(
                $"Truth has {truth.Length} values but prediction has {prediction.Length}.", nameof(prediction));
        }

        if (truth.Length == 0)
        {
            throw new ArgumentException("A score needs at least one value.", nameof(truth));
        }

        var magnitude = 0.0;
        for (var i = 0; i < truth.Length; i++)
        {
            if (!double.IsFinite(truth[i]) || !double.IsFinite(prediction[i]))
            {
                return double.NaN;
            }

            magnitude = Math.Max(magnitude, Math.Max(Math.Abs(truth[i]), Math.Abs(prediction[i])));
        }

        return magnitude == 0 ? 1 : magnitude;
    }
}
