using System.Numerics.Tensors;

namespace Sweep.Symbolic;

/// <summary>The outcome of fitting a program's constants.</summary>
/// <param name="Nodes">The program with the fitted constants (the input array when nothing improved).</param>
/// <param name="Error">Scaled training MSE of <paramref name="Nodes"/>, never above the input error.</param>
/// <param name="Evaluations">Program runs spent: residual evaluations plus Jacobian evaluations.</param>
internal readonly record struct FitResult(Node[] Nodes, double Error, long Evaluations);

/// <summary>
/// Levenberg–Marquardt least squares over a program's constants c together with the linear
/// scaling (a, b) of its output: it minimizes Σ_r (y_r − a·f(x_r; c) − b)² with exact Jacobians
/// from <see cref="Gradient"/>. Each iteration solves (JᵀJ + μ·diag(JᵀJ))·δ = Jᵀ·residual, accepts
/// the step only when the sum of squares falls (then μ shrinks by 0.3) and otherwise retries with
/// μ ten times larger. A fit never returns a program worse than it was given.
/// </summary>
internal static class ConstantFitter
{
    private const int MaxRetries = 6;

    public static FitResult Fit(Node[] nodes, double error, ProblemData data, int maxIterations, Workspace ws)
    {
        var m = 0;
        foreach (var node in nodes)
        {
            m += node.Op == OpCode.Constant ? 1 : 0;
        }

        if (m == 0 || maxIterations <= 0 || !double.IsFinite(error))
        {
            return new FitResult(nodes, error, 0);
        }

        var rows = data.Rows;
        var p = m + 2;
        var current = (Node[])nodes.Clone();
        var f = ws.Output(rows);
        var second = ws.Second(rows);
        var jacobian = ws.Jacobian(rows, m);
        var small = p <= 32;
        Span<double> normal = small ? stackalloc double[p * p] : new double[p * p];
        Span<double> system = small ? stackalloc double[p * p] : new double[p * p];
        Span<double> gradient = small ? stackalloc double[p] : new double[p];
        Span<double> step = small ? stackalloc double[p] : new double[p];
        var constants = new double[m];
        double a = 0, b = 0, sse = double.PositiveInfinity;
        var mu = 1e-3;
        long evaluations = 0;
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            evaluations++;
            if (!Gradient.Jacobian(current, data, f, jacobian, ws))
            {
                break;
            }

            if (iteration == 0)
            {
                LinearScaling.Mse(f, data, out a, out b);
                sse = SumOfSquares(f, a, b, data.Target);
                if (!double.IsFinite(sse))
                {
                    break;
                }
            }

            for (var r = 0; r < rows; r++)
            {
                second[r] = data.Target[r] - ((a * f[r]) + b);
            }

            if (!NormalEquations(jacobian, f, second, a, m, rows, normal, gradient))
            {
                break;
            }

            ReadConstants(current, constants);
            var improved = false;
            for (var retry = 0; retry < MaxRetries && !improved; retry++)
            {
                normal.CopyTo(system);
                gradient.CopyTo(step);
                for (var k = 0; k < p; k++)
                {
                    system[(k * p) + k] += mu * Math.Max(normal[(k * p) + k], 1e-12);
                }

                if (!Cholesky.Solve(system, step, p))
                {
                    mu *= 10;
                    continue;
                }

                var candidate = WithConstants(current, constants, step);
                var a2 = a + step[m];
                var b2 = b + step[m + 1];
                evaluations++;
                var valid = Evaluator.Run(candidate, data, second, ws);
                var sse2 = valid ? SumOfSquares(second, a2, b2, data.Target) : double.PositiveInfinity;
                if (sse2 < sse)
                {
                    improved = sse - sse2 > 1e-12 * sse;
                    current = candidate;
                    (a, b, sse) = (a2, b2, sse2);
                    mu = Math.Max(mu * 0.3, 1e-12);
                    if (!improved)
                    {
                        break;
                    }
                }
                else
                {
                    mu *= 10;
                }
            }

            if (!improved)
            {
                break;
            }
        }

        if (ReferenceEquals(current, nodes) || current.AsSpan().SequenceEqual(nodes))
        {
            return new FitResult(nodes, error, evaluations);
        }

        evaluations++;
        var finalValid = Evaluator.Run(current, data, f, ws);
        var finalError = finalValid ? LinearScaling.Mse(f, data, out _, out _) : double.PositiveInfinity;
        return finalError < error
            ? new FitResult(current, finalError, evaluations)
            : new FitResult(nodes, error, evaluations);
    }

    /// <summary>
    /// JᵀJ and Jᵀ·residual for the parameters (c_1..c_m, a, b), where ∂ŷ/∂c_k = a·∂f/∂c_k,
    /// ∂ŷ/∂a = f and ∂ŷ/∂b = 1. False when anything is not finite.
    /// </summary>
    private static bool NormalEquations(
        ReadOnlySpan<double> jacobian, ReadOnlySpan<double> f, ReadOnlySpan<double> residual, double a, int m,
        int rows, Span<double> normal, Span<double> gradient)
    {
        var p = m + 2;
        for (var k = 0; k < m; k++)
        {
            var jk = jacobian.Slice(k * rows, rows);
            for (var l = k; l < m; l++)
            {
                var value = a * a * TensorPrimitives.Dot(jk, jacobian.Slice(l * rows, rows));
                normal[(k * p) + l] = value;
                normal[(l * p) + k] = value;
            }

            normal[(k * p) + m] = normal[(m * p) + k] = a * TensorPrimitives.Dot(jk, f);
            normal[(k * p) + m + 1] = normal[((m + 1) * p) + k] = a * TensorPrimitives.Sum(jk);
            gradient[k] = a * TensorPrimitives.Dot(jk, residual);
        }

        normal[(m * p) + m] = TensorPrimitives.Dot(f, f);
        normal[(m * p) + m + 1] = normal[((m + 1) * p) + m] = TensorPrimitives.Sum(f);
        normal[((m + 1) * p) + m + 1] = rows;
        gradient[m] = TensorPrimitives.Dot(f, residual);
        gradient[m + 1] = TensorPrimitives.Sum(residual);
        return Finite.All(normal) && Finite.All(gradient);
    }

    private static double SumOfSquares(ReadOnlySpan<double> f, double a, double b, ReadOnlySpan<double> y)
    {
        var sum = 0.0;
        for (var r = 0; r < f.Length; r++)
        {
            var d = y[r] - ((a * f[r]) + b);
            sum += d * d;
        }

        return double.IsFinite(sum) ? sum : double.PositiveInfinity;
    }

    private static void ReadConstants(Node[] nodes, double[] constants)
    {
        var k = 0;
        foreach (var node in nodes)
        {
            if (node.Op == OpCode.Constant)
            {
                constants[k++] = node.Value;
            }
        }
    }

    private static Node[] WithConstants(Node[] nodes, double[] constants, ReadOnlySpan<double> step)
    {
        var result = (Node[])nodes.Clone();
        var k = 0;
        for (var i = 0; i < result.Length; i++)
        {
            if (result[i].Op == OpCode.Constant)
            {
                var value = constants[k] + step[k];
                result[i] = Node.Const(double.IsFinite(value) ? value : constants[k]);
                k++;
            }
        }

        return result;
    }
}
