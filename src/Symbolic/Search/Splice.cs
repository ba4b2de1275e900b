namespace Sweep.Symbolic;

/// <summary>Replacing one subtree of a postfix program with another.</summary>
internal static class Splice
{
    /// <summary>
    /// A copy of <paramref name="nodes"/> where the subtree ending at <paramref name="root"/> with
    /// <paramref name="length"/> nodes is replaced by <paramref name="replacement"/>.
    /// </summary>
    public static Node[] Replace(ReadOnlySpan<Node> nodes, int root, int length, ReadOnlySpan<Node> replacement)
    {
        var start = root - length + 1;
        var result = new Node[nodes.Length - length + replacement.Length];
        nodes[..start].CopyTo(result);
        replacement.CopyTo(result.AsSpan(start));
        nodes[(root + 1)..].CopyTo(result.AsSpan(start + replacement.Length));
        return result;
    }
}
