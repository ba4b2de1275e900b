namespace Sweep.Experiment;

/// <summary>Raised when a sweep spec is invalid; carries every problem found in the file, not only the first.</summary>
public sealed class SpecException : Exception
{
    /// <summary>Creates the exception from at least one problem.</summary>
    public SpecException(IReadOnlyList<SpecProblem> problems, SpecParts? readable = null)
        : base(Describe(problems))
    {
        Problems = problems;
        Readable = readable ?? SpecParts.None;
    }

    /// <summary>Every problem, in file order.</summary>
    public IReadOnlyList<SpecProblem> Problems { get; }

    /// <summary>
    /// The parts of the spec that could be read despite the problems; their data can still be checked.
    /// </summary>
    public SpecParts Readable { get; }

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
