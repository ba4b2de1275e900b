namespace Sweep.Experiment;

/// <summary>One thing wrong with a sweep spec.</summary>
/// <param name="File">The spec file.</param>
/// <param name="Line">1-based line of the offending node; 0 when the problem concerns the whole file.</param>
/// <param name="Column">1-based column of the offending node; 0 when the problem concerns the whole file.</param>
/// <param name="Message">What is wrong and what is expected.</param>
public sealed record SpecProblem(string File, int Line, int Column, string Message)
{
    /// <summary>Formats as <c>file:line:column: message</c> (the position left out when it is 0).</summary>
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}
