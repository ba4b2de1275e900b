namespace Sweep.Symbolic;

/// <summary>Solves small symmetric positive-definite systems in place.</summary>
internal static class Cholesky
{
    /// <summary>
    /// Solves A·x = b for the n × n row-major matrix <paramref name="a"/> (overwritten by its factor);
    /// <paramref name="b"/> becomes x. Returns false when A is not numerically positive definite.
    /// </summary>
    public static bool Solve(Span<double> a, Span<double> b, int n)
    {
        for (var j = 0; j < n; j++)
        {
            var d = a[(j * n) + j];
            for (var k = 0; k < j; k++)
            {
                d -= a[(j * n) + k] * a[(j * n) + k];
            }

            if (!(d > 0.0) || !double.IsFinite(d))
            {
                return false;
            }

            var root = Math.Sqrt(d);
            a[(j * n) + j] = root;
            for (var i = j + 1; i < n; i++)
            {
                var s = a[(i * n) + j];
                for (var k = 0; k < j; k++)
                {
                    s -= a[(i * n) + k] * a[(j * n) + k];
                }

                a[(i * n) + j] = s / root;
            }
        }

        for (var i = 0; i < n; i++)
        {
            var s = b[i];
            for (var k = 0; k < i; k++)
            {
                s -= a[(i * n) + k] * b[k];
            }

            b[i] = s / a[(i * n) + i];
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var s = b[i];
            for (var k = i + 1; k < n; k++)
            {
                s -= a[(k * n) + i] * b[k];
            }

            b[i] = s / a[(i * n) + i];
        }

        return true;
    }
}
