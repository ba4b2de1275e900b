using System.Numerics.Tensors;

namespace Sweep.Symbolic;

/// <summary>
/// Evaluates postfix programs over a data set in batches of rows: every node computes a whole
/// column of the batch with SIMD kernels (<see cref="TensorPrimitives"/>), reading features
/// straight from the column-major data. Semantics of each operator are in <see cref="OpCode"/>.
/// </summary>
public static class Evaluator
{
    /// <summary>
    /// Writes the expression's value for every row of <paramref name="data"/> into
    /// <paramref name="output"/> (length at least <see cref="ProblemData.Rows"/>). Values are the
    /// plain IEEE results, so a row where the formula is undefined gets NaN or ±∞.
    /// </summary>
    public static void Evaluate(Expression e, ProblemData data, Span<double> output)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(data);
        if (output.Length < data.Rows)
        {
            throw new ArgumentException($"output has {output.Length} slots but the data has {data.Rows} rows.");
        }

        if (e.MaxFeature >= data.Features)
        {
            throw new ArgumentException($"The expression uses feature {e.MaxFeature}; the data has {data.Features}.");
        }

        Run(e.Nodes, data, output[..data.Rows], Workspace.Current);
    }

    /// <summary>
    /// Evaluates into <paramref name="output"/> and reports whether the evaluation stayed valid:
    /// false when an operator that can hide an infinity (see <see cref="OpCode"/>) met one. The
    /// caller still has to check the output itself for non-finite values.
    /// </summary>
    internal static bool Run(ReadOnlySpan<Node> nodes, ProblemData data, Span<double> output, Workspace ws)
    {
        var valid = true;
        var scratch = ws.Scratch(nodes.Length);
        var stack = ws.Stack(nodes.Length);
        for (var start = 0; start < data.Rows; start += Workspace.BatchRows)
        {
            var count = Math.Min(Workspace.BatchRows, data.Rows - start);
            valid &= RunBatch(nodes, data, start, count, scratch, stack, out var root);
            Column(root, data, start, count, scratch).CopyTo(output.Slice(start, count));
        }

        return valid;
    }

    /// <summary>
    /// Evaluates rows [start, start + count). Each node i writes column i of
    /// <paramref name="scratch"/>, except variables, which stay references to the data
    /// (encoded on the operand stack as −1 − feature).
    /// </summary>
    internal static bool RunBatch(
        ReadOnlySpan<Node> nodes, ProblemData data, int start, int count, Span<double> scratch, Span<int> stack,
        out int root)
    {
        var valid = true;
        var top = 0;
        for (var i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
            var dest = scratch.Slice(i * Workspace.BatchRows, count);
            switch (node.Arity)
            {
                case 0:
                    if (node.Op == OpCode.Constant)
                    {
                        dest.Fill(node.Value);
                        stack[top++] = i;
                    }
                    else
                    {
                        stack[top++] = -1 - node.Feature;
                    }

                    continue;
                case 1:
                    {
                        var x = Column(stack[top - 1], data, start, count, scratch);
                        if (OpCodes.CanHideInfinity(node.Op))
                        {
                            valid &= Finite.All(x);
                        }

                        Unary(node.Op, x, dest);
                        stack[top - 1] = i;
                        continue;
                    }

                default:
                    {
                        var r = Column(stack[top - 1], data, start, count, scratch);
                        var l = Column(stack[top - 2], data, start, count, scratch);
                        if (OpCodes.CanHideInfinity(node.Op))
                        {
                            valid &= Finite.All(r) && (node.Op != OpCode.Pow || Finite.All(l));
                        }

                        Binary(node.Op, l, r, dest);
                        top--;
                        stack[top - 1] = i;
                        continue;
                    }
            }
        }

        root = stack[0];
        return valid;
    }

    /// <summary>The values of an operand-stack entry for the current batch.</summary>
    internal static ReadOnlySpan<double> Column(
        int entry, ProblemData data, int start, int count, Span<double> scratch) =>
        entry >= 0
            ? scratch.Slice(entry * Workspace.BatchRows, count)
            : data.Column(-1 - entry).Slice(start, count);

    internal static void Unary(OpCode op, ReadOnlySpan<double> x, Span<double> dest)
    {
        switch (op)
        {
            case OpCode.Sin: TensorPrimitives.Sin(x, dest); break;
            case OpCode.Cos: TensorPrimitives.Cos(x, dest); break;
            case OpCode.Exp: TensorPrimitives.Exp(x, dest); break;
            case OpCode.Log: TensorPrimitives.Log(x, dest); break;
            case OpCode.Sqrt: TensorPrimitives.Sqrt(x, dest); break;
            case OpCode.Square: TensorPrimitives.Multiply(x, x, dest); break;
            case OpCode.Tanh: TensorPrimitives.Tanh(x, dest); break;
            case OpCode.Abs: TensorPrimitives.Abs(x, dest); break;
            default: throw new InvalidOperationException($"{op} is not a unary operator.");
        }
    }

    internal static void Binary(OpCode op, ReadOnlySpan<double> l, ReadOnlySpan<double> r, Span<double> dest)
    {
        switch (op)
        {
            case OpCode.Add: TensorPrimitives.Add(l, r, dest); break;
            case OpCode.Sub: TensorPrimitives.Subtract(l, r, dest); break;
            case OpCode.Mul: TensorPrimitives.Multiply(l, r, dest); break;
            case OpCode.Div: TensorPrimitives.Divide(l, r, dest); break;
            case OpCode.Pow: TensorPrimitives.Pow(l, r, dest); break;
            default: throw new InvalidOperationException($"{op} is not a binary operator.");
        }
    }
}
