namespace Sweep.Symbolic.Bench;

/// <summary>A train/test split of a data set, standardized with the training statistics (SRBench's protocol).</summary>
internal sealed record Standardized(ProblemData Fit, ProblemData Validation, ProblemData Test, ProblemData Train)
{
    /// <summary>
    /// Shuffles rows with <paramref name="seed"/>, keeps <paramref name="trainShare"/> for training
    /// (of which a quarter is held out for model selection; <c>Train</c> holds both parts), standardizes every
    /// column and the target by the training mean and standard deviation (features only when
    /// <paramref name="scaleFeatures"/>), and caps training rows at <paramref name="maxRows"/>.
    /// </summary>
    public static Standardized Split(
        double[] x, double[] y, int features, int seed, double trainShare, int maxRows, bool scaleFeatures = true)
    {
        var rows = y.Length;
        var order = Enumerable.Range(0, rows).ToArray();
        var rng = new Rng(seed);
        for (var k = rows - 1; k > 0; k--)
        {
            var j = rng.Next(k + 1);
            (order[k], order[j]) = (order[j], order[k]);
        }

        var trainRows = (int)Math.Round(rows * trainShare);
        var train = order[..Math.Min(trainRows, maxRows)];
        var test = order[trainRows..];
        var means = new double[features + 1];
        var scales = new double[features + 1];
        for (var j = 0; j <= features; j++)
        {
            var column = train.Select(r => j < features ? x[(r * features) + j] : y[r]).ToArray();
            means[j] = column.Average();
            var sd = Math.Sqrt(column.Sum(v => (v - means[j]) * (v - means[j])) / column.Length);
            scales[j] = sd > 0 ? sd : 1.0;
            if (j < features && !scaleFeatures)
            {
                (means[j], scales[j]) = (0.0, 1.0);
            }
        }

        var fitCount = (int)Math.Round(train.Length * 0.75);
        return new Standardized(
            Build(x, y, features, train[..fitCount], means, scales),
            Build(x, y, features, train[fitCount..], means, scales),
            Build(x, y, features, test, means, scales),
            Build(x, y, features, train, means, scales));
    }

    private static ProblemData Build(double[] x, double[] y, int features, int[] rows, double[] means, double[] scales)
    {
        var xs = new double[rows.Length * features];
        var ys = new double[rows.Length];
        for (var k = 0; k < rows.Length; k++)
        {
            for (var j = 0; j < features; j++)
            {
                xs[(k * features) + j] = (x[(rows[k] * features) + j] - means[j]) / scales[j];
            }

            ys[k] = (y[rows[k]] - means[features]) / scales[features];
        }

        return new ProblemData(xs, rows.Length, features, ys);
    }
}
