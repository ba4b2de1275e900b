namespace Sweep.Symbolic;

/// <summary>
/// Exact derivatives of a program's output with respect to its constants, by reverse-mode
/// differentiation over the postfix array: one forward pass stores every node's column, one
/// backward pass carries the adjoint ∂f/∂node from the root to the leaves. In a tree each node has
/// one parent, so an adjoint is assigned, never accumulated. Cost: about three forward passes,
/// whatever the number of constants.
/// </summary>
internal static class Gradient
{
    /// <summary>
    /// Writes the predictions into <paramref name="f"/> and ∂f/∂c_k for the k-th constant (in
    /// postfix order) into <paramref name="jacobian"/>[k · rows + r]. Returns false when the
    /// forward evaluation met a hidden infinity (see <see cref="Evaluator.Run"/>).
    /// </summary>
    public static bool Jacobian(
        ReadOnlySpan<Node> nodes, ProblemData data, Span<double> f, Span<double> jacobian, Workspace ws)
    {
        var rows = data.Rows;
        var values = ws.Scratch(nodes.Length);
        var adjoint = ws.Adjoint(nodes.Length);
        var stack = ws.Stack(nodes.Length);
        Span<int> lengths = nodes.Length <= 256 ? stackalloc int[nodes.Length] : new int[nodes.Length];
        Span<int> constantIndex = nodes.Length <= 256 ? stackalloc int[nodes.Length] : new int[nodes.Length];
        Shape.SubtreeLengths(nodes, lengths);
        var constants = 0;
        for (var i = 0; i < nodes.Length; i++)
        {
            constantIndex[i] = nodes[i].Op == OpCode.Constant ? constants++ : -1;
        }

        var valid = true;
        for (var start = 0; start < rows; start += Workspace.BatchRows)
        {
            var count = Math.Min(Workspace.BatchRows, rows - start);
            valid &= Evaluator.RunBatch(nodes, data, start, count, values, stack, out var root);
            Evaluator.Column(root, data, start, count, values).CopyTo(f.Slice(start, count));
            adjoint.Slice((nodes.Length - 1) * Workspace.BatchRows, count).Fill(1.0);
            for (var i = nodes.Length - 1; i >= 0; i--)
            {
                var g = adjoint.Slice(i * Workspace.BatchRows, count);
                if (constantIndex[i] >= 0)
                {
                    g.CopyTo(jacobian.Slice((constantIndex[i] * rows) + start, count));
                    continue;
                }

                if (nodes[i].IsLeaf)
                {
                    continue;
                }

                var v = Value(nodes, i, data, start, count, values);
                var r = i - 1;
                var dr = adjoint.Slice(r * Workspace.BatchRows, count);
                var xr = Value(nodes, r, data, start, count, values);
                if (nodes[i].Arity == 1)
                {
                    UnaryAdjoint(nodes[i].Op, g, xr, v, dr);
                    continue;
                }

                var l = Shape.LeftChild(lengths, i);
                var dl = adjoint.Slice(l * Workspace.BatchRows, count);
                var xl = Value(nodes, l, data, start, count, values);
                BinaryAdjoint(nodes[i].Op, g, xl, xr, v, dl, dr);
            }
        }

        return valid;
    }

    private static ReadOnlySpan<double> Value(
        ReadOnlySpan<Node> nodes, int i, ProblemData data, int start, int count, Span<double> values) =>
        nodes[i].Op == OpCode.Variable
            ? data.Column(nodes[i].Feature).Slice(start, count)
            : values.Slice(i * Workspace.BatchRows, count);

    private static void UnaryAdjoint(
        OpCode op, ReadOnlySpan<double> g, ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> dx)
    {
        for (var k = 0; k < g.Length; k++)
        {
            dx[k] = g[k] * op switch
            {
                OpCode.Sin => Math.Cos(x[k]),
                OpCode.Cos => -Math.Sin(x[k]),
                OpCode.Exp => v[k],
                OpCode.Log => 1.0 / x[k],
                OpCode.Sqrt => 0.5 / v[k],
                OpCode.Square => 2.0 * x[k],
                OpCode.Tanh => 1.0 - (v[k] * v[k]),
                OpCode.Abs => Math.Sign(x[k]),
                _ => throw new InvalidOperationException($"{op} is not a unary operator."),
            };
        }
    }

    private static void BinaryAdjoint(
        OpCode op, ReadOnlySpan<double> g, ReadOnlySpan<double> l, ReadOnlySpan<double> r, ReadOnlySpan<double> v,
        Span<double> dl, Span<double> dr)
    {
        for (var k = 0; k < g.Length; k++)
        {
            switch (op)
            {
                case OpCode.Add:
                    dl[k] = g[k];
                    dr[k] = g[k];
                    break;
                case OpCode.Sub:
                    dl[k] = g[k];
                    dr[k] = -g[k];
                    break;
                case OpCode.Mul:
                    dl[k] = g[k] * r[k];
                    dr[k] = g[k] * l[k];
                    break;
                case OpCode.Div:
                    dl[k] = g[k] / r[k];
                    dr[k] = -g[k] * v[k] / r[k];
                    break;
                case OpCode.Pow:
                    dl[k] = g[k] * r[k] * Math.Pow(l[k], r[k] - 1.0);
                    dr[k] = g[k] * v[k] * Math.Log(l[k]);
                    break;
                default:
                    throw new InvalidOperationException($"{op} is not a binary operator.");
            }
        }
    }
}
