namespace Sweep.Datasets;

/// <summary>One row of the data folder's <c>catalog.tsv</c>.</summary>
/// <param name="Name">Benchmark name, the key a sweep spec uses.</param>
/// <param name="File">Data file, relative to the data folder.</param>
/// <param name="Target">Target column of the file.</param>
/// <param name="Rows">Data rows the catalog announces.</param>
/// <param name="Features">Columns besides the target the catalog announces (text columns included).</param>
/// <param name="Origin">Where the set comes from, for example <c>pmlb</c> or <c>uci</c>.</param>
public sealed record CatalogEntry(string Name, string File, string Target, int Rows, int Features, string Origin);
