namespace Sweep.Datasets;

/// <summary>One thing wrong with a data file, located as precisely as the file allows.</summary>
/// <param name="File">The file the problem is in.</param>
/// <param name="Column">The column concerned, if any.</param>
/// <param name="Line">1-based line of the file (the header is line 1), if the problem has one.</param>
/// <param name="Message">What is wrong and, where possible, what to do about it.</param>
public sealed record DataProblem(string File, string? Column, int? Line, string Message)
{
    /// <summary>Formats as <c>file:line: column 'v': message</c>, leaving out the parts that are absent.</summary>
    public override string ToString()
    {
        var where = Line is { } line ? $"{File}:{line}" : File;
        return Column is null ? $"{where}: {Message}" : $"{where}: column '{Column}': {Message}";
    }
}
