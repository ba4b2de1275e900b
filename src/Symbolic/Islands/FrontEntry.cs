namespace Sweep.Symbolic;

/// <summary>A final program on the Pareto front of size versus error.</summary>
/// <param name="Expression">The program with its linear scaling a·f + b built in, simplified.</param>
/// <param name="Size">Nodes of <paramref name="Expression"/> (equal to its <see cref="Expression.Size"/>).</param>
/// <param name="Error">Training MSE of <paramref name="Expression"/> as it stands (no further scaling).</param>
public sealed record FrontEntry(Expression Expression, int Size, double Error);
