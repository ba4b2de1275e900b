using Sweep.Datasets;

namespace Sweep.Experiment;

/// <summary>
/// What could be read of a spec that has problems, so that its data can be checked in the same
/// pass: a spec error elsewhere in the file must not hide the problems of its data files.
/// </summary>
/// <param name="Benchmarks">
/// The benchmarks that were read without a problem and can be located: a path where a file exists,
/// or a name the catalog has (checked only when a catalog was given). Unique by name, in spec order.
/// </param>
/// <param name="Seeds">The seeds, or null when they have a problem or are missing.</param>
/// <param name="Split">The split, or null when it has a problem.</param>
public sealed record SpecParts(
    IReadOnlyList<BenchmarkSource> Benchmarks, IReadOnlyList<int>? Seeds, SplitFractions? Split)
{
    /// <summary>Nothing readable: a file that is not YAML, or not a mapping.</summary>
    public static readonly SpecParts None = new([], null, null);
}
