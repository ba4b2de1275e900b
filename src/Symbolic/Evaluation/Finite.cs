using System.Numerics;

namespace Sweep.Symbolic;

/// <summary>Vectorized finiteness tests.</summary>
internal static class Finite
{
    /// <summary>True when no value is NaN or ±∞ (x − x is 0 for finite x and NaN otherwise).</summary>
    public static bool All(ReadOnlySpan<double> values)
    {
        var width = Vector<double>.Count;
        var acc = Vector<double>.Zero;
        var i = 0;
        for (; i <= values.Length - width; i += width)
        {
            var v = new Vector<double>(values.Slice(i, width));
            acc += v - v;
        }

        var sum = Vector.Sum(acc);
        for (; i < values.Length; i++)
        {
            sum += values[i] - values[i];
        }

        return sum == 0.0;
    }
}
