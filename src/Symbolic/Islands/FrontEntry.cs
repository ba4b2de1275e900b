namespace Sweep.Symbolic;

/// <summary>A final program on the Pareto front of size versus error.</summary>
/// <param name="Expression">The program with its linear scaling a·f + b built in, simplified.</param>
/// <param name="Size">
/// Nodes of the evolved program f, the size <see cref="SymbolicOptions.MaxSize"/> limits and the front ranks by;
/// so it is at most <c>MaxSize</c>. The scaling adds up to four nodes (a, ·, b, +) that simplification may then
/// remove or fold, so <paramref name="Expression"/>'s own <see cref="Expression.Size"/> can be up to
/// <c>Size + 4</c>, or smaller than <c>Size</c>.
/// </param>
/// <param name="Error">Training MSE of <paramref name="Expression"/> as it stands (no further scaling).</param>
public sealed record FrontEntry(Expression Expression, int Size, double Error);
