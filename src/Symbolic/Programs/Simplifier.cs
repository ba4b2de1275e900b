namespace Sweep.Symbolic;

/// <summary>
/// Shrinks a program without changing what it computes on finite inputs: every operator whose
/// operands are all constants is folded into one constant (computed by the evaluator's own
/// kernels, and only when the result is finite), and the identities x + 0, 0 + x, x − 0, x · 1,
/// 1 · x, x / 1 and x ^ 1 are reduced to x.
/// </summary>
public static class Simplifier
{
    /// <summary>The simplified expression (the same instance when nothing changed).</summary>
    public static Expression Simplify(Expression e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var nodes = Simplify(e.Nodes);
        return nodes.Length == e.Nodes.Length ? e : new Expression(nodes);
    }

    internal static Node[] Simplify(ReadOnlySpan<Node> nodes)
    {
        var stack = new List<List<Node>>(nodes.Length);
        foreach (var node in nodes)
        {
            switch (node.Arity)
            {
                case 0:
                    stack.Add([node]);
                    break;
                case 1:
                    stack[^1] = Unary(node, stack[^1]);
                    break;
                default:
                    var right = stack[^1];
                    stack.RemoveAt(stack.Count - 1);
                    stack[^1] = Binary(node, stack[^1], right);
                    break;
            }
        }

        return [.. stack[0]];
    }

    /// <summary>
    /// The final form of a program fitted with linear scaling: a·f + b, where a = 1 drops the
    /// product, b = 0 drops the sum and a = 0 leaves the constant b; then simplified.
    /// </summary>
    internal static Node[] WithScaling(ReadOnlySpan<Node> nodes, double a, double b)
    {
        if (a == 0.0 || !double.IsFinite(a))
        {
            return [Node.Const(double.IsFinite(b) ? b : 0.0)];
        }

        var scaled = new List<Node>(nodes.Length + 4);
        scaled.AddRange(nodes);
        if (a != 1.0)
        {
            scaled.Add(Node.Const(a));
            scaled.Add(Node.Of(OpCode.Mul));
        }

        if (b != 0.0)
        {
            scaled.Add(Node.Const(b));
            scaled.Add(Node.Of(OpCode.Add));
        }

        return Simplify(scaled.ToArray());
    }

    private static List<Node> Unary(Node op, List<Node> operand)
    {
        if (IsConstant(operand, out var x))
        {
            Span<double> result = stackalloc double[1];
            Evaluator.Unary(op.Op, [x], result);
            if (double.IsFinite(result[0]))
            {
                return [Node.Const(result[0])];
            }
        }

        operand.Add(op);
        return operand;
    }

    private static List<Node> Binary(Node op, List<Node> left, List<Node> right)
    {
        var leftConstant = IsConstant(left, out var l);
        var rightConstant = IsConstant(right, out var r);
        if (leftConstant && rightConstant)
        {
            Span<double> result = stackalloc double[1];
            Evaluator.Binary(op.Op, [l], [r], result);
            if (double.IsFinite(result[0]))
            {
                return [Node.Const(result[0])];
            }
        }

        switch (op.Op)
        {
            case OpCode.Add when rightConstant && r == 0.0:
            case OpCode.Sub when rightConstant && r == 0.0:
            case OpCode.Mul when rightConstant && r == 1.0:
            case OpCode.Div when rightConstant && r == 1.0:
            case OpCode.Pow when rightConstant && r == 1.0:
                return left;
            case OpCode.Add when leftConstant && l == 0.0:
            case OpCode.Mul when leftConstant && l == 1.0:
                return right;
        }

        left.AddRange(right);
        left.Add(op);
        return left;
    }

    private static bool IsConstant(List<Node> nodes, out double value)
    {
        value = nodes.Count == 1 ? nodes[0].Value : 0.0;
        return nodes.Count == 1 && nodes[0].Op == OpCode.Constant;
    }
}
