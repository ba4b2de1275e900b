namespace Sweep.Teachers.Tests.Support;

/// <summary>Small standardized regression sets made from a seeded System.Random, for fast trainer tests.</summary>
internal static class SyntheticData
{
    /// <summary>y = sin(x₀) + x₁·x₂ + noise, three features, the given rows per split.</summary>
    public static TeacherData Smooth(int trainRows, int otherRows, int seed, double noise = 0.05) =>
        Make(trainRows, otherRows, seed, x => Math.Sin(x[0]) + x[1] * x[2], noise);

    /// <summary>Targets that are pure noise: nothing generalizes, so validation loss soon rises.</summary>
    public static TeacherData Noise(int trainRows, int otherRows, int seed) =>
        Make(trainRows, otherRows, seed, _ => 0, noise: 1);

    private static TeacherData Make(int trainRows, int otherRows, int seed, Func<double[], double> f, double noise)
    {
        const int Features = 3;
        var random = new Random(seed);
        (double[] X, double[] Y) Split(int rows)
        {
            var x = new double[rows * Features];
            var y = new double[rows];
            for (var row = 0; row < rows; row++)
            {
                var point = Enumerable.Range(0, Features).Select(_ => 2 * random.NextDouble() - 1).ToArray();
                point.CopyTo(x, row * Features);
                y[row] = f(point) + noise * Gaussian(random);
            }

            return (x, y);
        }

        var train = Split(trainRows);
        var validation = Split(otherRows);
        var test = Split(otherRows);
        return new TeacherData(train.X, train.Y, validation.X, validation.Y, test.X, test.Y, Features);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
