namespace Sweep.Teachers.Tests.Support;

/// <summary>Relative errors of vectors, as the comparisons with PyTorch and finite differences state them.</summary>
internal static class Compare
{
    /// <summary>
    /// ‖actual − expected‖₂ / ‖expected‖₂, or ‖actual‖₂ when the expected vector is zero.
    /// </summary>
    public static double RelativeError(IReadOnlyList<double> actual, IReadOnlyList<double> expected)
    {
        Assert.Equal(expected.Count, actual.Count);
        var difference = Math.Sqrt(actual.Zip(expected, (a, e) => (a - e) * (a - e)).Sum());
        var scale = Math.Sqrt(expected.Sum(e => e * e));
        return scale == 0 ? difference : difference / scale;
    }

    public static double RelativeError(double actual, double expected) => RelativeError([actual], [expected]);
}
