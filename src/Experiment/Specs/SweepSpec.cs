using Sweep.Datasets;

namespace Sweep.Experiment;

/// <summary>
/// A checked sweep: every benchmark is run at every λ with every seed (one trial per combination).
/// </summary>
/// <param name="Name">Name of the sweep; letters, digits, '.', '_' and '-' only, safe in paths and keys.</param>
/// <param name="SourceFile">The spec file it was read from.</param>
/// <param name="Benchmarks">Benchmarks, unique by name, in spec order. Paths are as written in the spec,
/// relative to the spec's folder.</param>
/// <param name="Lambdas">Penalty weights λ, each finite and at least 0, unique, in spec order.</param>
/// <param name="Seeds">Seeds, each at least 0, unique, in spec order.</param>
/// <param name="Split">Train/validation/test shares.</param>
/// <param name="Teacher">Teacher settings the spec gives.</param>
/// <param name="Student">Student settings the spec gives.</param>
public sealed record SweepSpec(
    string Name,
    string SourceFile,
    IReadOnlyList<BenchmarkSource> Benchmarks,
    IReadOnlyList<double> Lambdas,
    IReadOnlyList<int> Seeds,
    SplitFractions Split,
    TeacherSpec Teacher,
    StudentSpec Student)
{
    /// <summary>Number of trials the sweep expands into.</summary>
    public int TrialCount => Benchmarks.Count * Lambdas.Count * Seeds.Count;
}
