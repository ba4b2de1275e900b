namespace Sweep.Symbolic;

/// <summary>The kinds of mutation, in the order of <see cref="SymbolicOptions.MutationWeights"/>.</summary>
internal enum MutationKind
{
    /// <summary>One node changes: an operator to another of the same arity, a feature to another
    /// feature, a constant to a fresh random value.</summary>
    Point,

    /// <summary>A random subtree is replaced by a new random subtree.</summary>
    Subtree,

    /// <summary>A new operator is placed above a random subtree (with a new leaf as the other operand).</summary>
    Insert,

    /// <summary>An operator is replaced by one of its operands.</summary>
    Delete,

    /// <summary>One constant is perturbed: c · (1 + 0.5·N(0, 1)), sign kept random one time in ten.</summary>
    Constant,
}

/// <summary>Mutations of postfix programs. Every result respects the size and depth limits.</summary>
internal static class Mutation
{
    /// <summary>
    /// A mutated copy of <paramref name="nodes"/>, or an unchanged copy when the chosen mutation
    /// cannot apply (e.g. no constant to perturb) or would break a limit after a few attempts.
    /// </summary>
    public static Node[] Apply(MutationKind kind, Node[] nodes, SearchSpace space, Rng rng)
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var child = kind switch
            {
                MutationKind.Point => Point(nodes, space, rng),
                MutationKind.Subtree => Subtree(nodes, space, rng),
                MutationKind.Insert => Insert(nodes, space, rng),
                MutationKind.Delete => Delete(nodes, rng),
                _ => PerturbConstant(nodes, rng),
            };
            if (child is not null && space.Fits(child))
            {
                return child;
            }
        }

        return (Node[])nodes.Clone();
    }

    /// <summary>Draws a mutation kind by the configured weights.</summary>
    public static MutationKind Choose(IReadOnlyList<double> weights, Rng rng)
    {
        var total = 0.0;
        for (var k = 0; k < weights.Count; k++)
        {
            total += weights[k];
        }

        var u = rng.NextDouble() * total;
        for (var k = 0; k < weights.Count; k++)
        {
            u -= weights[k];
            if (u < 0)
            {
                return (MutationKind)k;
            }
        }

        return (MutationKind)(weights.Count - 1);
    }

    private static Node[]? Point(Node[] nodes, SearchSpace space, Rng rng)
    {
        var i = rng.Next(nodes.Length);
        var node = nodes[i];
        var child = (Node[])nodes.Clone();
        switch (node.Arity)
        {
            case 0:
                child[i] = space.RandomLeaf(rng);
                break;
            case 1:
                child[i] = Node.Of(space.Unary[rng.Next(space.Unary.Length)]);
                break;
            default:
                child[i] = Node.Of(space.Binary[rng.Next(space.Binary.Length)]);
                break;
        }

        return child;
    }

    private static Node[]? Subtree(Node[] nodes, SearchSpace space, Rng rng)
    {
        var lengths = Shape.SubtreeLengths(nodes);
        var i = rng.Next(nodes.Length);
        var room = space.MaxSize - (nodes.Length - lengths[i]);
        if (room < 1)
        {
            return null;
        }

        var replacement = new List<Node>();
        TreeBuilder.Grow(replacement, space, rng, rng.NextInclusive(1, Math.Min(room, 10)), space.MaxDepth);
        return Splice.Replace(nodes, i, lengths[i], replacement.ToArray());
    }

    private static Node[]? Insert(Node[] nodes, SearchSpace space, Rng rng)
    {
        var lengths = Shape.SubtreeLengths(nodes);
        var i = rng.Next(nodes.Length);
        var subtree = nodes.AsSpan(i - lengths[i] + 1, lengths[i]);
        var useUnary = space.Unary.Length > 0 && (space.Binary.Length == 0 || rng.Chance(0.5));
        var replacement = new List<Node>(subtree.Length + 2);
        if (useUnary)
        {
            replacement.AddRange(subtree);
            replacement.Add(Node.Of(space.Unary[rng.Next(space.Unary.Length)]));
        }
        else
        {
            var leaf = space.RandomLeaf(rng);
            var leafFirst = rng.Chance(0.5);
            if (leafFirst)
            {
                replacement.Add(leaf);
            }

            replacement.AddRange(subtree);
            if (!leafFirst)
            {
                replacement.Add(leaf);
            }

            replacement.Add(Node.Of(space.Binary[rng.Next(space.Binary.Length)]));
        }

        return Splice.Replace(nodes, i, lengths[i], replacement.ToArray());
    }

    private static Node[]? Delete(Node[] nodes, Rng rng)
    {
        var operators = CountWhere(nodes, n => !n.IsLeaf);
        if (operators == 0)
        {
            return null;
        }

        var lengths = Shape.SubtreeLengths(nodes);
        var i = NthWhere(nodes, n => !n.IsLeaf, rng.Next(operators));
        var operand = nodes[i].Arity == 1 || rng.Chance(0.5) ? i - 1 : Shape.LeftChild(lengths, i);
        var kept = nodes.AsSpan(operand - lengths[operand] + 1, lengths[operand]).ToArray();
        return Splice.Replace(nodes, i, lengths[i], kept);
    }

    private static Node[]? PerturbConstant(Node[] nodes, Rng rng)
    {
        var constants = CountWhere(nodes, n => n.Op == OpCode.Constant);
        if (constants == 0)
        {
            return null;
        }

        var i = NthWhere(nodes, n => n.Op == OpCode.Constant, rng.Next(constants));
        var value = nodes[i].Value * (1.0 + (0.5 * rng.NextGaussian()));
        if (rng.Chance(0.1))
        {
            value = -value;
        }

        var child = (Node[])nodes.Clone();
        child[i] = Node.Const(value);
        return child;
    }

    private static int CountWhere(Node[] nodes, Func<Node, bool> predicate)
    {
        var count = 0;
        foreach (var node in nodes)
        {
            count += predicate(node) ? 1 : 0;
        }

        return count;
    }

    private static int NthWhere(Node[] nodes, Func<Node, bool> predicate, int n)
    {
        for (var i = 0; i < nodes.Length; i++)
        {
            if (predicate(nodes[i]) && n-- == 0)
            {
                return i;
            }
        }

        throw new InvalidOperationException("Fewer matching nodes than counted.");
    }
}
