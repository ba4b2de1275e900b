namespace Sweep.Symbolic;

/// <summary>Structural facts about postfix node arrays: subtree extents, depth, well-formedness.</summary>
internal static class Shape
{
    /// <summary>
    /// Fills <paramref name="lengths"/> with the size of the subtree rooted at each node; the subtree
    /// of node i is nodes[i − lengths[i] + 1 .. i].
    /// </summary>
    public static void SubtreeLengths(ReadOnlySpan<Node> nodes, Span<int> lengths)
    {
        for (var i = 0; i < nodes.Length; i++)
        {
            lengths[i] = nodes[i].Arity switch
            {
                0 => 1,
                1 => 1 + lengths[i - 1],
                _ => 1 + lengths[i - 1] + lengths[i - 1 - lengths[i - 1]],
            };
        }
    }

    public static int[] SubtreeLengths(ReadOnlySpan<Node> nodes)
    {
        var lengths = new int[nodes.Length];
        SubtreeLengths(nodes, lengths);
        return lengths;
    }

    /// <summary>Depth of every node's subtree (leaf = 1).</summary>
    public static void Depths(ReadOnlySpan<Node> nodes, ReadOnlySpan<int> lengths, Span<int> depths)
    {
        for (var i = 0; i < nodes.Length; i++)
        {
            depths[i] = nodes[i].Arity switch
            {
                0 => 1,
                1 => 1 + depths[i - 1],
                _ => 1 + Math.Max(depths[i - 1], depths[i - 1 - lengths[i - 1]]),
            };
        }
    }

    public static int Depth(ReadOnlySpan<Node> nodes)
    {
        if (nodes.Length == 0)
        {
            return 0;
        }

        Span<int> lengths = nodes.Length <= 256 ? stackalloc int[nodes.Length] : new int[nodes.Length];
        Span<int> depths = nodes.Length <= 256 ? stackalloc int[nodes.Length] : new int[nodes.Length];
        SubtreeLengths(nodes, lengths);
        Depths(nodes, lengths, depths);
        return depths[^1];
    }

    /// <summary>Index of the left operand of the binary node at <paramref name="i"/>.</summary>
    public static int LeftChild(ReadOnlySpan<int> lengths, int i) => i - 1 - lengths[i - 1];

    /// <summary>Throws unless the nodes form exactly one complete postfix program.</summary>
    public static void RequireWellFormed(ReadOnlySpan<Node> nodes)
    {
        if (nodes.Length == 0)
        {
            throw new ArgumentException("An expression needs at least one node.");
        }

        var stack = 0;
        for (var i = 0; i < nodes.Length; i++)
        {
            var arity = nodes[i].Arity;
            if (stack < arity)
            {
                throw new ArgumentException(
                    $"Node {i} ({OpCodes.Name(nodes[i].Op)}) needs {arity} operands but only {stack} precede it.");
            }

            stack += 1 - arity;
        }

        if (stack != 1)
        {
            throw new ArgumentException($"The nodes leave {stack} values instead of one; the program is incomplete.");
        }
    }
}
