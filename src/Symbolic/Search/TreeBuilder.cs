namespace Sweep.Symbolic;

/// <summary>
/// Builds random programs of a requested size ("grow" with an exact node budget): each operator
/// splits the remaining budget among its operands, so sizes are spread evenly rather than
/// clustering at the extremes as with depth-based grow.
/// </summary>
internal static class TreeBuilder
{
    /// <summary>
    /// Appends a random program of at most <paramref name="size"/> nodes and at most
    /// <paramref name="depth"/> levels to <paramref name="dest"/>.
    /// </summary>
    public static void Grow(List<Node> dest, SearchSpace space, Rng rng, int size, int depth)
    {
        var canUnary = space.Unary.Length > 0 && size >= 2;
        var canBinary = space.Binary.Length > 0 && size >= 3;
        if (depth <= 1 || (!canUnary && !canBinary))
        {
            dest.Add(space.RandomLeaf(rng));
            return;
        }

        var binary = canBinary && (!canUnary || rng.Chance(0.75));
        if (!binary)
        {
            Grow(dest, space, rng, size - 1, depth - 1);
            dest.Add(Node.Of(space.Unary[rng.Next(space.Unary.Length)]));
            return;
        }

        var left = rng.NextInclusive(1, size - 2);
        Grow(dest, space, rng, left, depth - 1);
        Grow(dest, space, rng, size - 1 - left, depth - 1);
        dest.Add(Node.Of(space.Binary[rng.Next(space.Binary.Length)]));
    }

    /// <summary>A random program whose size is drawn uniformly from 1 to <paramref name="maxSize"/>.</summary>
    public static Node[] Random(SearchSpace space, Rng rng, int maxSize)
    {
        var nodes = new List<Node>(maxSize);
        Grow(nodes, space, rng, rng.NextInclusive(1, Math.Max(1, maxSize)), space.MaxDepth);
        return [.. nodes];
    }
}
