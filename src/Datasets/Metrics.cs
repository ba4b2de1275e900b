namespace Sweep.Datasets;

/// <summary>Regression scores, computed so that large but finite values do not overflow.</summary>
public static class Metrics
{
    /// <summary>
    /// Coefficient of determination <c>R² = 1 − Σ(yᵢ − ŷᵢ)² / Σ(yᵢ − ȳ)²</c>.
    /// </summary>
    /// <remarks>
    /// Finite for any finite inputs, including values near <see cref="double.MaxValue"/>. Each sum of squares
    /// is accumulated with its own running scale (as LAPACK's <c>dlassq</c> does), so neither overflows and
    /// neither is rounded to zero because the other sum, or one huge value, sets the scale; the differences are
    /// taken on halved values, so <c>yᵢ − ŷᵢ</c> cannot overflow either. When the residual sum exceeds the
    /// total sum by more than the double range (a prediction off by over 1e154 times the truth's spread) the
    /// result is <c>−double.MaxValue</c>, the most negative finite R², rather than −∞.
    /// When the truth is constant R² is undefined; like scikit-learn's <c>r2_score</c> this returns 1 for an
    /// exact prediction and 0 otherwise. A non-finite value in either span gives NaN.
    /// </remarks>
    public static double R2(ReadOnlySpan<double> truth, ReadOnlySpan<double> prediction)
    {
        if (double.IsNaN(CommonMagnitude(truth, prediction)))
        {
            return double.NaN;
        }

        // Each term is at most max|y| / n, so the sum cannot overflow.
        var mean = 0.0;
        foreach (var t in truth)
        {
            mean += t / truth.Length;
        }

        var residual = new ScaledSquares();
        var total = new ScaledSquares();
        for (var i = 0; i < truth.Length; i++)
        {
            residual.Add(truth[i] / 2 - prediction[i] / 2);
            total.Add(truth[i] / 2 - mean / 2);
        }

        if (total.IsZero)
        {
            return residual.IsZero ? 1 : 0;
        }

        return Math.Max(1 - residual.Ratio(total), double.MinValue);
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

    /// <summary>
    /// A sum of squares held as <c>Scale² · Sum</c>, with Scale the largest magnitude added so far and Sum in
    /// [1, n]: it neither overflows nor loses small terms to underflow while a larger one sets the scale.
    /// </summary>
    private struct ScaledSquares()
    {
        private double scale;
        private double sum = 1;

        public readonly bool IsZero => scale == 0;

        public void Add(double value)
        {
            var magnitude = Math.Abs(value);
            if (magnitude == 0)
            {
                return;
            }

            if (magnitude > scale)
            {
                var shrink = scale / magnitude;
                sum = 1 + sum * shrink * shrink;
                scale = magnitude;
                return;
            }

            var share = magnitude / scale;
            sum += share * share;
        }

        /// <summary>This sum divided by <paramref name="other"/>'s, +∞ beyond the double range.</summary>
        public readonly double Ratio(ScaledSquares other)
        {
            // The sums are within [1, n], so the product overflows only when the true ratio does.
            var scales = scale / other.scale;
            return scales * (scales * (sum / other.sum));
        }
    }
}
