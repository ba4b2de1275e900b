namespace Sweep.Symbolic;

/// <summary>
/// Subtree crossover: a random subtree of the receiving parent is replaced by a random subtree of
/// the donor. Operators are chosen as crossover points nine times in ten (Koza's bias), since
/// most nodes are leaves and swapping leaves alone changes little.
/// </summary>
internal static class Crossover
{
    /// <summary>The child, or a copy of <paramref name="receiver"/> when no tried pair fits the limits.</summary>
    public static Node[] Apply(Node[] receiver, Node[] donor, SearchSpace space, Rng rng)
    {
        var receiverLengths = Shape.SubtreeLengths(receiver);
        var donorLengths = Shape.SubtreeLengths(donor);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var i = PickPoint(receiver, rng);
            var j = PickPoint(donor, rng);
            if (receiver.Length - receiverLengths[i] + donorLengths[j] > space.MaxSize)
            {
                continue;
            }

            var piece = donor.AsSpan(j - donorLengths[j] + 1, donorLengths[j]);
            var child = Splice.Replace(receiver, i, receiverLengths[i], piece);
            if (space.Fits(child))
            {
                return child;
            }
        }

        return (Node[])receiver.Clone();
    }

    private static int PickPoint(Node[] nodes, Rng rng)
    {
        var operators = 0;
        foreach (var node in nodes)
        {
            operators += node.IsLeaf ? 0 : 1;
        }

        if (operators == 0 || rng.Chance(0.1))
        {
            return rng.Next(nodes.Length);
        }

        var n = rng.Next(operators);
        for (var i = 0; i < nodes.Length; i++)
        {
            if (!nodes[i].IsLeaf && n-- == 0)
            {
                return i;
            }
        }

        return nodes.Length - 1;
    }
}
