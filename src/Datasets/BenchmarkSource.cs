namespace Sweep.Datasets;

/// <summary>
/// Where a benchmark's rows come from: a catalog entry (<see cref="Name"/> alone) or a delimited file
/// (<see cref="Path"/>, CSV or TSV, optionally gzip-compressed).
/// </summary>
/// <param name="Name">Display name; the catalog key when <paramref name="Path"/> is null.</param>
/// <param name="Path">A CSV/TSV file; a relative path is resolved against the caller's base folder.</param>
/// <param name="Target">
/// Target column. Null means: the catalog's target for a catalog entry; for a file, a column named
/// <c>target</c>, else <c>y</c>, else the last column.
/// </param>
/// <param name="DropMissing">Drop rows with missing cells (empty, NaN, NA, ?) instead of failing.</param>
/// <param name="DropColumns">Columns to ignore entirely, for example a free-text label.</param>
public sealed record BenchmarkSource(
    string Name,
    string? Path = null,
    string? Target = null,
    bool DropMissing = false,
    IReadOnlyList<string>? DropColumns = null);
