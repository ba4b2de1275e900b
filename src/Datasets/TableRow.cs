namespace Sweep.Datasets;

/// <summary>One data row of a delimited file.</summary>
/// <param name="Line">1-based line of the file (the header is line 1).</param>
/// <param name="Fields">Fields, trimmed, as many as the header has.</param>
internal sealed record TableRow(int Line, string[] Fields);
