namespace Sweep.Symbolic;

/// <summary>Data that the engine cannot search on; <see cref="Problems"/> lists every fault found.</summary>
public sealed class ProblemDataException : ArgumentException
{
    public ProblemDataException(IReadOnlyList<string> problems)
        : base("The data cannot be used for symbolic regression: " + string.Join("; ", problems))
    {
        Problems = problems;
    }

    /// <summary>Each fault, naming the row (1-based), the feature (0-based) or the target.</summary>
    public IReadOnlyList<string> Problems { get; }
}
