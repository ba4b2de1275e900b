namespace Sweep.Symbolic;

/// <summary>
/// Shrinks a program without changing the function it computes wherever the original is finite
/// (results may differ in the last bits where constants are combined):
/// <list type="bullet">
/// <item>an operator whose operands are all constants is folded into one constant (computed by the
/// evaluator's own kernels, and only when the result is finite);</item>
/// <item>x + 0, 0 + x, x − 0, x · 1, 1 · x, x / 1 and x ^ 1 become x; x − x becomes 0, x / x
/// becomes 1, x + x becomes x · 2, log(exp(x)) becomes x;</item>
/// <item>a chain of constant scalings and shifts around one subtree, such as ((g · 3) + 1) · 2 − 5,
/// is rewritten as g · s + o with two constants when that is smaller.</item>
/// </list>
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
        if (op.Op == OpCode.Log && operand[^1].Op == OpCode.Exp)
        {
            operand.RemoveAt(operand.Count - 1);
            return operand;
        }

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
            case OpCode.Sub when Same(left, right):
                return [Node.Const(0.0)];
            case OpCode.Div when Same(left, right):
                return [Node.Const(1.0)];
            case OpCode.Add when Same(left, right) && left.Count > 1:
                left.Add(Node.Const(2.0));
                left.Add(Node.Of(OpCode.Mul));
                return left;
        }

        var combined = new List<Node>(left.Count + right.Count + 1);
        combined.AddRange(left);
        combined.AddRange(right);
        combined.Add(op);
        return (leftConstant || rightConstant) && op.Op is OpCode.Add or OpCode.Sub or OpCode.Mul or OpCode.Div
            ? CollapseAffine(combined)
            : combined;
    }

    /// <summary>
    /// Peels constant scalings and shifts off the root, so the subtree equals s · g + o, and
    /// rebuilds it as g · s + o (dropping s = 1 and o = 0) when that has fewer nodes.
    /// </summary>
    private static List<Node> CollapseAffine(List<Node> original)
    {
        var nodes = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(original);
        var lengths = Shape.SubtreeLengths(nodes);
        var (scale, offset) = (1.0, 0.0);
        var (start, end) = (0, nodes.Length);
        while (nodes[end - 1].Op is OpCode.Add or OpCode.Sub or OpCode.Mul or OpCode.Div)
        {
            var root = end - 1;
            var right = root - 1;
            var left = Shape.LeftChild(lengths, root);
            var rightConstant = nodes[right].Op == OpCode.Constant;
            var leftConstant = nodes[left].Op == OpCode.Constant;
            if (rightConstant == leftConstant || (nodes[root].Op == OpCode.Div && leftConstant))
            {
                break;
            }

            var c = rightConstant ? nodes[right].Value : nodes[left].Value;
            var (nextScale, nextOffset) = (nodes[root].Op, rightConstant) switch
            {
                (OpCode.Add, _) => (scale, offset + (scale * c)),
                (OpCode.Sub, true) => (scale, offset - (scale * c)),
                (OpCode.Sub, false) => (-scale, offset + (scale * c)),
                (OpCode.Mul, _) => (scale * c, offset),
                _ => (scale / c, offset),
            };
            if (!double.IsFinite(nextScale) || !double.IsFinite(nextOffset) || nextScale == 0.0)
            {
                break;
            }

            (scale, offset) = (nextScale, nextOffset);
            var core = rightConstant ? left : right;
            (start, end) = (core - lengths[core] + 1, core + 1);
        }

        var rebuilt = original.GetRange(start, end - start);
        if (scale != 1.0)
        {
            rebuilt.Add(Node.Const(scale));
            rebuilt.Add(Node.Of(OpCode.Mul));
        }

        if (offset != 0.0)
        {
            rebuilt.Add(Node.Const(offset));
            rebuilt.Add(Node.Of(OpCode.Add));
        }

        return rebuilt.Count < original.Count ? rebuilt : original;
    }

    private static bool Same(List<Node> a, List<Node> b) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(a)
            .SequenceEqual(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(b));

    private static bool IsConstant(List<Node> nodes, out double value)
    {
        value = nodes.Count == 1 ? nodes[0].Value : 0.0;
        return nodes.Count == 1 && nodes[0].Op == OpCode.Constant;
    }
}
