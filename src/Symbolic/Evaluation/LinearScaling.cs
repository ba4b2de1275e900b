using System.Numerics;
using System.Numerics.Tensors;

namespace Sweep.Symbolic;

/// <summary>
/// Fitness by mean squared error after the optimal affine map of the program's output:
/// with f the predictions and y the target, a = cov(f, y) / var(f), b = ȳ − a·f̄ and
/// MSE = var(y) − cov(f, y)² / var(f) (population moments, two passes for accuracy).
/// </summary>
internal static class LinearScaling
{
    /// <summary>
    /// The scaled MSE of <paramref name="f"/> against the target of <paramref name="data"/>, with
    /// the scale <paramref name="a"/> and offset <paramref name="b"/> that achieve it. A
    /// non-finite prediction anywhere gives +∞ (the worst fitness); a constant prediction gives
    /// var(y) with a = 0, b = ȳ.
    /// </summary>
    public static double Mse(ReadOnlySpan<double> f, ProblemData data, out double a, out double b)
    {
        a = 0.0;
        b = data.TargetMean;
        var n = f.Length;
        var meanF = TensorPrimitives.Sum(f) / n;
        if (!double.IsFinite(meanF) || !Finite.All(f))
        {
            return double.PositiveInfinity;
        }

        var y = data.Target;
        var width = Vector<double>.Count;
        var vMean = new Vector<double>(meanF);
        var vMeanY = new Vector<double>(data.TargetMean);
        var accFF = Vector<double>.Zero;
        var accFY = Vector<double>.Zero;
        var i = 0;
        for (; i <= n - width; i += width)
        {
            var df = new Vector<double>(f.Slice(i, width)) - vMean;
            var dy = new Vector<double>(y.Slice(i, width)) - vMeanY;
            accFF += df * df;
            accFY += df * dy;
        }

        var sFF = Vector.Sum(accFF);
        var sFY = Vector.Sum(accFY);
        for (; i < n; i++)
        {
            var df = f[i] - meanF;
            sFF += df * df;
            sFY += df * (y[i] - data.TargetMean);
        }

        var varF = sFF / n;
        var cov = sFY / n;
        if (!double.IsFinite(varF) || !double.IsFinite(cov))
        {
            return double.PositiveInfinity;
        }

        if (varF <= 0.0 || !double.IsFinite(cov / varF))
        {
            return data.TargetVariance;
        }

        a = cov / varF;
        b = data.TargetMean - (a * meanF);
        return Math.Max(0.0, data.TargetVariance - (cov * a));
    }

    /// <summary>Plain MSE, (1/n)·Σ(y − ŷ)², +∞ when any prediction or the sum is not finite.</summary>
    public static double PlainMse(ReadOnlySpan<double> predictions, ReadOnlySpan<double> target)
    {
        var sum = 0.0;
        for (var i = 0; i < predictions.Length; i++)
        {
            var d = target[i] - predictions[i];
            sum += d * d;
        }

        var mse = sum / predictions.Length;
        return double.IsFinite(mse) ? mse : double.PositiveInfinity;
    }
}
