namespace Sweep.Datasets;

/// <summary>
/// Raised when data cannot be used as given. It carries every problem found, so a user fixes them all
/// in one pass instead of one per run.
/// </summary>
public sealed class DataException : Exception
{
    /// <summary>Creates the exception from at least one problem.</summary>
    public DataException(IReadOnlyList<DataProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception for a single problem.</summary>
    public DataException(DataProblem problem)
        : this([problem])
    {
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<DataProblem> Problems { get; }

    private static string Describe(IReadOnlyList<DataProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("A data exception needs at least one problem.", nameof(problems));
        }

        if (problems.Count == 1)
        {
            return problems[0].ToString();
        }

        var lines = problems.Select(p => "  " + p);
        return $"{problems.Count} problems in the data:{Environment.NewLine}"
            + string.Join(Environment.NewLine, lines);
    }
}
