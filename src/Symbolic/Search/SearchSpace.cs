namespace Sweep.Symbolic;

/// <summary>What random programs may contain: the allowed operators by arity, features and limits.</summary>
internal sealed class SearchSpace
{
    public SearchSpace(SymbolicOptions options, int features)
    {
        var ops = options.OperatorCodes();
        Unary = ops.Where(op => OpCodes.Arity(op) == 1).ToArray();
        Binary = ops.Where(op => OpCodes.Arity(op) == 2).ToArray();
        Features = features;
        MaxSize = options.MaxSize;
        MaxDepth = options.MaxDepth;
        VariableProbability = features == 0 ? 0.0 : options.VariableProbability;
    }

    public OpCode[] Unary { get; }

    public OpCode[] Binary { get; }

    public int Features { get; }

    public int MaxSize { get; }

    public int MaxDepth { get; }

    public double VariableProbability { get; }

    /// <summary>Whether a program respects both limits.</summary>
    public bool Fits(ReadOnlySpan<Node> nodes) => nodes.Length <= MaxSize && Shape.Depth(nodes) <= MaxDepth;

    /// <summary>A random leaf: a feature or a standard-normal constant.</summary>
    public Node RandomLeaf(Rng rng) => rng.Chance(VariableProbability)
        ? Node.Var(rng.Next(Features))
        : Node.Const(RandomConstant(rng));

    /// <summary>A fresh constant, N(0, 1).</summary>
    public static double RandomConstant(Rng rng) => rng.NextGaussian();
}
