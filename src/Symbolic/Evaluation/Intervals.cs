namespace Sweep.Symbolic;

/// <summary>A closed range of real numbers, [Low, High].</summary>
public readonly record struct Interval(double Low, double High)
{
    public bool Contains(double value) => Low <= value && value <= High;
}

/// <summary>
/// Interval arithmetic over postfix programs: bounds on a program's value for every input in a box
/// of feature ranges. Used to keep programs with a pole or an undefined region inside the training
/// inputs' range off the front: a formula such as 1/(x₁ − x₂ − 0.06) can fit every training row and
/// still blow up on a new row that lies between them.
/// </summary>
/// <remarks>
/// The bounds are conservative (an operand that occurs twice is bounded as if its occurrences were
/// independent, so x − x gets [lo − hi, hi − lo]); a program can thus be refused although it is
/// defined everywhere, never accepted although it is not. Undefined: a division whose denominator's
/// range contains 0, log of a range reaching 0 or below, sqrt of one reaching below 0, pow of a base
/// reaching 0 or below unless the exponent is a constant integer (a negative one needs a base range
/// without 0), and any bound that overflows.
/// </remarks>
public static class Intervals
{
    /// <summary>The range of each feature's values in <paramref name="data"/>.</summary>
    public static Interval[] Box(ProblemData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var box = new Interval[data.Features];
        for (var j = 0; j < data.Features; j++)
        {
            var column = data.Column(j);
            box[j] = column.IsEmpty ? new Interval(0, 0) : new Interval(Min(column), Max(column));
        }

        return box;
    }

    /// <summary>Whether <paramref name="e"/> is defined, with finite bounds, on the whole box.</summary>
    public static bool IsDefined(Expression e, ReadOnlySpan<Interval> box)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Bound(e.Nodes, box) is not null;
    }

    /// <summary>The program's range over the box, or null where it may be undefined or unbounded.</summary>
    internal static Interval? Bound(ReadOnlySpan<Node> nodes, ReadOnlySpan<Interval> box)
    {
        Span<Interval> stack = nodes.Length <= 256 ? stackalloc Interval[nodes.Length] : new Interval[nodes.Length];
        var top = 0;
        foreach (var node in nodes)
        {
            Interval? value;
            if (node.Op == OpCode.Constant)
            {
                value = new Interval(node.Value, node.Value);
            }
            else if (node.Op == OpCode.Variable)
            {
                value = node.Feature < box.Length ? box[node.Feature] : null;
            }
            else if (node.Arity == 1)
            {
                value = Unary(node.Op, stack[--top]);
            }
            else
            {
                var right = stack[--top];
                var left = stack[--top];
                value = Binary(node.Op, left, right);
            }

            if (value is not { } v || !double.IsFinite(v.Low) || !double.IsFinite(v.High))
            {
                return null;
            }

            stack[top++] = v;
        }

        return top == 1 ? stack[0] : null;
    }

    private static Interval? Binary(OpCode op, Interval l, Interval r) => op switch
    {
        OpCode.Add => new Interval(l.Low + r.Low, l.High + r.High),
        OpCode.Sub => new Interval(l.Low - r.High, l.High - r.Low),
        OpCode.Mul => Corners(l.Low * r.Low, l.Low * r.High, l.High * r.Low, l.High * r.High),
        OpCode.Div => r.Contains(0) ? null
            : Corners(l.Low / r.Low, l.Low / r.High, l.High / r.Low, l.High / r.High),
        OpCode.Pow => Power(l, r),
        _ => null,
    };

    private static Interval? Unary(OpCode op, Interval x) => op switch
    {
        OpCode.Sin => Sine(x),
        OpCode.Cos => Sine(new Interval(x.Low + (Math.PI / 2), x.High + (Math.PI / 2))),
        OpCode.Exp => new Interval(Math.Exp(x.Low), Math.Exp(x.High)),
        OpCode.Log => x.Low <= 0 ? null : new Interval(Math.Log(x.Low), Math.Log(x.High)),
        OpCode.Sqrt => x.Low < 0 ? null : new Interval(Math.Sqrt(x.Low), Math.Sqrt(x.High)),
        OpCode.Square => Even(x, v => v * v),
        OpCode.Tanh => new Interval(Math.Tanh(x.Low), Math.Tanh(x.High)),
        OpCode.Abs => Even(x, Math.Abs),
        _ => null,
    };

    /// <summary>The range of an even function that grows with |x|.</summary>
    private static Interval Even(Interval x, Func<double, double> f) =>
        x.Contains(0) ? new Interval(0, Math.Max(f(x.Low), f(x.High)))
        : new Interval(Math.Min(f(x.Low), f(x.High)), Math.Max(f(x.Low), f(x.High)));

    /// <summary>sin over x: the endpoint values, widened to ±1 where x holds a peak or a trough.</summary>
    private static Interval Sine(Interval x)
    {
        if (x.High - x.Low >= 2 * Math.PI)
        {
            return new Interval(-1, 1);
        }

        var low = Math.Min(Math.Sin(x.Low), Math.Sin(x.High));
        var high = Math.Max(Math.Sin(x.Low), Math.Sin(x.High));
        if (HoldsPhase(x, Math.PI / 2))
        {
            high = 1;
        }

        if (HoldsPhase(x, -Math.PI / 2))
        {
            low = -1;
        }

        return new Interval(low, high);
    }

    /// <summary>Whether x holds a point phase + 2πk for some integer k.</summary>
    private static bool HoldsPhase(Interval x, double phase)
    {
        var k = Math.Ceiling((x.Low - phase) / (2 * Math.PI));
        return phase + (2 * Math.PI * k) <= x.High;
    }

    private static Interval? Power(Interval b, Interval e)
    {
        var integer = e.Low == e.High && Math.Abs(e.Low) <= 64 && Math.Round(e.Low) == e.Low;
        if (b.Low > 0)
        {
            return Corners(Math.Pow(b.Low, e.Low), Math.Pow(b.Low, e.High), Math.Pow(b.High, e.Low),
                Math.Pow(b.High, e.High));
        }

        if (!integer || (e.Low < 0 && b.Contains(0)))
        {
            return null;
        }

        var n = e.Low;
        if (n == 0)
        {
            return new Interval(1, 1);
        }

        var (atLow, atHigh) = (Math.Pow(b.Low, n), Math.Pow(b.High, n));
        var even = Math.Abs(n % 2) == 0;
        return even && b.Contains(0) ? new Interval(0, Math.Max(atLow, atHigh)) : Corners(atLow, atHigh, atLow, atHigh);
    }

    private static Interval? Corners(double a, double b, double c, double d) =>
        double.IsNaN(a) || double.IsNaN(b) || double.IsNaN(c) || double.IsNaN(d) ? null
        : new Interval(Math.Min(Math.Min(a, b), Math.Min(c, d)), Math.Max(Math.Max(a, b), Math.Max(c, d)));

    private static double Min(ReadOnlySpan<double> values)
    {
        var min = double.PositiveInfinity;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
        }

        return min;
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        var max = double.NegativeInfinity;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }
}
