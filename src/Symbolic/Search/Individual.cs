namespace Sweep.Symbolic;

/// <summary>A member of an island's population.</summary>
/// <param name="Nodes">The program, postfix, without its linear scaling.</param>
/// <param name="Error">Training MSE after optimal linear scaling; +∞ for a failed evaluation.</param>
/// <param name="Birth">The generation that created it (immigrants: the generation they arrived).</param>
internal sealed record Individual(Node[] Nodes, double Error, int Birth)
{
    public int Size => Nodes.Length;
}
