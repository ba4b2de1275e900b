using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sweep.Symbolic.Tests;

public class ProblemDataTests
{
    [Fact]
    public void Rows_are_stored_column_major_with_target_statistics()
    {
        var data = new ProblemData([1, 2, 3, 4, 5, 6], rows: 3, features: 2, target: [1, 2, 6]);

        Assert.Equal([1.0, 3, 5], data.Column(0).ToArray());
        Assert.Equal([2.0, 4, 6], data.Column(1).ToArray());
        Assert.Equal(3.0, data.TargetMean);
        Assert.Equal(14.0 / 3.0, data.TargetVariance, 14);
    }

    [Fact]
    public void Every_bad_cell_is_listed_at_once()
    {
        double[] x = [1, double.PositiveInfinity, 3, 4, 1e200, 6];

        var error = Assert.Throws<ProblemDataException>(
            () => new ProblemData(x, 3, 2, [1, double.NaN, 2]));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains("row 1, feature 1 is Infinity (not a finite number)", error.Problems);
        Assert.Contains("row 2, target is NaN (not a finite number)", error.Problems);
        Assert.Contains(error.Problems, p => p.StartsWith("row 3, feature 0 is 1E+200", StringComparison.Ordinal));
    }

    [Fact]
    public void A_constant_feature_is_allowed_with_a_warning()
    {
        var data = new ProblemData([1, 7, 2, 7, 3, 7], 3, 2, [1, 2, 3]);

        Assert.Equal("feature 1 is constant (7); it can only act as a constant", Assert.Single(data.Warnings));
    }

    [Fact]
    public void Mismatched_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new ProblemData([1, 2, 3], 2, 2, [1, 2]));
        Assert.Throws<ArgumentException>(() => new ProblemData([1, 2, 3, 4], 2, 2, [1, 2, 3]));
    }

    [Fact]
    public void Prediction_inputs_are_not_checked_and_evaluate_to_plain_IEEE_results()
    {
        var inputs = ProblemData.ForPrediction([1.0, 1.7e308, double.NaN], rows: 3, features: 1);

        var predictions = Programs.Predict(Programs.Parse("(x0 * 2)"), inputs);

        Assert.Equal([2.0, double.PositiveInfinity, double.NaN], predictions);
    }

    [Fact]
    public void Data_columns_and_evaluation_buffers_start_on_64_byte_boundaries_whatever_the_heap_holds()
    {
        for (var k = 0; k < 20; k++)
        {
            _ = new byte[8 * k + 1];
            var data = TestData.Make(37 + k, 3, x => x[0], seed: k);
            Assert.Equal(0, Address(data.Column(0)) % 64);
            Assert.Equal(0, Address(new Workspace().Output(37 + k)) % 64);
            Assert.Equal(0, Address(new Workspace().Scratch(100 + k)) % 64);
        }
    }

    private static long Address(ReadOnlySpan<double> span) =>
        (long)Unsafe.ByteOffset(ref Unsafe.NullRef<double>(), ref MemoryMarshal.GetReference(span));
}
