namespace Sweep.Experiment;

/// <summary>Raised when a sweep spec is invalid; carries every problem found in the file, not only the first.</summary>
public sealed class SpecException : Exception
{
    /// <summary>Creates the exception from at least one problem.</summary>
    public SpecException(IReadOnlyList<SpecProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem, in file order.</summary>
    public IReadOnlyList<SpecProblem> Problems { get; }

    private static string Describe(IReadOnlyList<SpecProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("A spec exception needs at least one problem.", nameof(problems));
        }

        if (problems.Count == 1)
        {
            return problems[0].ToString();
        }

        return $"{problems.Count} problems in the spec:{Environment.NewLine}"
            + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
    }
}
