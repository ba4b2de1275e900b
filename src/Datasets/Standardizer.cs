namespace Sweep.Datasets;

/// <summary>
/// Centres and scales each feature and the target with statistics of the training rows:
/// <c>z = (v − mean) / scale</c>, where mean and scale are the training rows' mean and population
/// standard deviation.
/// </summary>
/// <remarks>
/// Values up to <see cref="double.MaxValue"/> never overflow: each column is first divided by its
/// largest training magnitude <c>m</c>, the statistics are computed on <c>v / m</c> (all within
/// [−1, 1]), and a value is standardized as <c>(v / m − mean′) / scale′</c>. A column whose relative
/// spread on the training rows is below <see cref="ConstantSpread"/> is treated as constant: it is only
/// centred (scale = its magnitude), so it standardizes to about 0 instead of dividing by zero.
/// </remarks>
public sealed class Standardizer
{
    /// <summary>Spread (standard deviation after dividing by the largest magnitude) below which a column counts
    /// as constant.</summary>
    public const double ConstantSpread = 1e-12;

    private readonly ColumnScale[] features;
    private readonly ColumnScale target;

    private Standardizer(ColumnScale[] features, ColumnScale target)
    {
        this.features = features;
        this.target = target;
        FeatureMeans = features.Select(f => f.Mean).ToArray();
        FeatureScales = features.Select(f => f.Scale).ToArray();
    }

    /// <summary>Feature means of the training rows, in original units.</summary>
    public double[] FeatureMeans { get; }

    /// <summary>Feature scales (standard deviations) of the training rows, in original units.</summary>
    public double[] FeatureScales { get; }

    /// <summary>Target mean of the training rows, in original units.</summary>
    public double TargetMean => target.Mean;

    /// <summary>Target scale (standard deviation) of the training rows, in original units.</summary>
    public double TargetScale => target.Scale;

    /// <summary>Number of features the standardizer was fitted on.</summary>
    public int Features => features.Length;

    /// <summary>Fits the statistics on the rows <paramref name="rows"/> of <paramref name="data"/>.</summary>
    public static Standardizer Fit(Dataset data, int[] rows)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Length == 0)
        {
            throw new ArgumentException("A standardizer needs at least one row to fit on.", nameof(rows));
        }

        var width = data.Features;
        var scratch = new double[rows.Length];
        var features = new ColumnScale[width];
        for (var j = 0; j < width; j++)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                scratch[i] = data.X[rows[i] * width + j];
            }

            features[j] = ColumnScale.Fit(scratch);
        }

        for (var i = 0; i < rows.Length; i++)
        {
            scratch[i] = data.Y[rows[i]];
        }

        return new Standardizer(features, ColumnScale.Fit(scratch));
    }

    /// <summary>Standardizes one feature value.</summary>
    public double StandardizeFeature(int feature, double value) => features[feature].Standardize(value);

    /// <summary>Standardizes one target value.</summary>
    public double StandardizeTarget(double value) => target.Standardize(value);

    /// <summary>
    /// Maps a standardized target back to original units; the result is infinite only when the true
    /// value lies beyond the range of a double.
    /// </summary>
    public double RestoreTarget(double standardized) => target.Restore(standardized);

    /// <summary>Standardized features of the given rows, row-major.</summary>
    public double[] StandardizeFeatures(Dataset data, int[] rows)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rows);
        var width = features.Length;
        if (data.Features != width)
        {
            throw new ArgumentException($"Fitted on {width} features, given {data.Features}.", nameof(data));
        }

        var result = new double[rows.Length * width];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < width; j++)
            {
                result[i * width + j] = features[j].Standardize(data.X[rows[i] * width + j]);
            }
        }

        return result;
    }

    /// <summary>Standardized targets of the given rows.</summary>
    public double[] StandardizeTargets(Dataset data, int[] rows)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Select(r => target.Standardize(data.Y[r])).ToArray();
    }

    /// <summary>Statistics of one column, kept in pre-scaled units so that nothing overflows.</summary>
    /// <param name="Magnitude">Largest absolute training value (1 for an all-zero column).</param>
    /// <param name="ScaledMean">Mean of <c>v / Magnitude</c>.</param>
    /// <param name="ScaledSpread">Standard deviation of <c>v / Magnitude</c>, or 1 for a constant column.</param>
    private sealed record ColumnScale(double Magnitude, double ScaledMean, double ScaledSpread)
    {
        public double Mean => Magnitude * ScaledMean;

        public double Scale => Magnitude * ScaledSpread;

        public static ColumnScale Fit(ReadOnlySpan<double> values)
        {
            var magnitude = 0.0;
            foreach (var v in values)
            {
                magnitude = Math.Max(magnitude, Math.Abs(v));
            }

            if (magnitude == 0)
            {
                magnitude = 1;
            }

            var mean = 0.0;
            foreach (var v in values)
            {
                mean += v / magnitude;
            }

            mean /= values.Length;
            var variance = 0.0;
            foreach (var v in values)
            {
                var d = v / magnitude - mean;
                variance += d * d;
            }

            var spread = Math.Sqrt(variance / values.Length);
            return new ColumnScale(magnitude, mean, spread < ConstantSpread ? 1 : spread);
        }

        public double Standardize(double value) => (value / Magnitude - ScaledMean) / ScaledSpread;

        public double Restore(double standardized) => (standardized * ScaledSpread + ScaledMean) * Magnitude;
    }
}
