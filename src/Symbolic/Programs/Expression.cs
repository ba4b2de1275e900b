namespace Sweep.Symbolic;

/// <summary>
/// An immutable program in postfix order: operands come before their operator, the last node is
/// the root. The subtree rooted at node i occupies the contiguous range ending at i.
/// </summary>
public sealed class Expression
{
    internal Expression(Node[] nodes)
    {
        Nodes = nodes;
    }

    internal Node[] Nodes { get; }

    /// <summary>Number of nodes (leaves and operators).</summary>
    public int Size => Nodes.Length;

    /// <summary>Number of nodes on the longest path from the root to a leaf (a leaf alone has depth 1).</summary>
    public int Depth => Shape.Depth(Nodes);

    /// <summary>Number of constant nodes.</summary>
    public int ConstantCount => Nodes.Count(n => n.Op == OpCode.Constant);

    /// <summary>The constant expression <paramref name="value"/>.</summary>
    public static Expression Constant(double value) => new([Node.Const(value)]);

    /// <summary>The expression that returns feature <paramref name="feature"/>.</summary>
    public static Expression Variable(int feature) => new([Node.Var(feature)]);

    /// <summary>
    /// Rebuilds an expression from <see cref="ToArrays"/> output. <paramref name="codes"/> holds
    /// <see cref="OpCode"/> values; <paramref name="values"/> holds each constant, each variable's
    /// feature number, and zero for operators.
    /// </summary>
    /// <exception cref="ArgumentException">The arrays do not describe one well-formed program.</exception>
    public static Expression FromArrays(int[] codes, double[] values)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(values);
        if (codes.Length != values.Length)
        {
            throw new ArgumentException(
                $"codes has {codes.Length} entries but values has {values.Length}; they must match.");
        }

        var nodes = new Node[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            if (!OpCodes.IsDefined(codes[i]))
            {
                throw new ArgumentException($"codes[{i}] = {codes[i]} is not an op code (0..{OpCodes.Last}).");
            }

            var op = (OpCode)codes[i];
            if (op == OpCode.Variable && (values[i] < 0 || values[i] != Math.Floor(values[i])))
            {
                throw new ArgumentException($"values[{i}] = {values[i]} is not a feature number.");
            }

            nodes[i] = new Node(op, op is OpCode.Constant or OpCode.Variable ? values[i] : 0.0);
        }

        Shape.RequireWellFormed(nodes);
        return new Expression(nodes);
    }

    /// <summary>The lossless serialized form, read back by <see cref="FromArrays"/>.</summary>
    public (int[] Codes, double[] Values) ToArrays()
    {
        var codes = new int[Nodes.Length];
        var values = new double[Nodes.Length];
        for (var i = 0; i < Nodes.Length; i++)
        {
            codes[i] = (int)Nodes[i].Op;
            values[i] = Nodes[i].Value;
        }

        return (codes, values);
    }

    /// <summary>The highest feature number used, or −1 when the expression uses no feature.</summary>
    public int MaxFeature => Nodes.Where(n => n.Op == OpCode.Variable).Select(n => n.Feature).DefaultIfEmpty(-1).Max();

    /// <summary>
    /// The same function expressed on raw inputs and outputs, when this expression was fitted on
    /// standardized data: raw_y = targetScale · f((x − featureMeans) / featureScales) + targetMean.
    /// Each variable x_j becomes (x_j − mean_j) / scale_j (left as x_j when mean 0 and scale 1), and
    /// the result is simplified (<see cref="Simplifier"/>), which merges chains of constant scalings
    /// and shifts, so predictions agree with the standardized model up to rounding.
    /// </summary>
    public Expression Unstandardize(
        double[] featureMeans, double[] featureScales, double targetMean, double targetScale)
    {
        ArgumentNullException.ThrowIfNull(featureMeans);
        ArgumentNullException.ThrowIfNull(featureScales);
        if (featureMeans.Length != featureScales.Length)
        {
            throw new ArgumentException("featureMeans and featureScales must have the same length.");
        }

        if (MaxFeature >= featureMeans.Length)
        {
            throw new ArgumentException(
                $"The expression uses feature {MaxFeature} but only {featureMeans.Length} means were given.");
        }

        var nodes = new List<Node>(Nodes.Length * 3);
        foreach (var node in Nodes)
        {
            nodes.Add(node);
            if (node.Op != OpCode.Variable)
            {
                continue;
            }

            var mean = featureMeans[node.Feature];
            var scale = featureScales[node.Feature];
            if (mean != 0.0)
            {
                nodes.Add(Node.Const(mean));
                nodes.Add(Node.Of(OpCode.Sub));
            }

            if (scale != 1.0)
            {
                nodes.Add(Node.Const(scale));
                nodes.Add(Node.Of(OpCode.Div));
            }
        }

        if (targetScale != 1.0)
        {
            nodes.Add(Node.Const(targetScale));
            nodes.Add(Node.Of(OpCode.Mul));
        }

        if (targetMean != 0.0)
        {
            nodes.Add(Node.Const(targetMean));
            nodes.Add(Node.Of(OpCode.Add));
        }

        return Simplifier.Simplify(new Expression([.. nodes]));
    }

    /// <inheritdoc />
    public override string ToString() => ExpressionFormatter.ToInfix(this, DefaultNames(MaxFeature + 1));

    internal static IReadOnlyList<string> DefaultNames(int count) =>
        Enumerable.Range(0, count).Select(i => $"x{i}").ToArray();
}
