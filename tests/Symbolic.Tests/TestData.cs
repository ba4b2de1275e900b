namespace Sweep.Symbolic.Tests;

/// <summary>Builders for test data sets.</summary>
internal static class TestData
{
    /// <summary>Rows with features uniform on [low, high) and the target given by <paramref name="f"/>.</summary>
    public static ProblemData Make(int rows, int features, Func<double[], double> f, int seed = 1,
        double low = -2, double high = 2)
    {
        var rng = new Random(seed);
        var x = new double[rows * features];
        var y = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var row = new double[features];
            for (var j = 0; j < features; j++)
            {
                row[j] = low + ((high - low) * rng.NextDouble());
                x[(r * features) + j] = row[j];
            }

            y[r] = f(row);
        }

        return new ProblemData(x, rows, features, y);
    }

    /// <summary>Feature j of row r, read back through the column-major store.</summary>
    public static double[] Row(ProblemData data, int r) =>
        Enumerable.Range(0, data.Features).Select(j => data.Column(j)[r]).ToArray();
}
