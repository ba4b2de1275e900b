using Sweep.Datasets;
using Sweep.Symbolic;
using Sweep.Teachers;

namespace Sweep.Experiment;

/// <summary>
/// The library options of one trial, built from a sweep spec. A value the spec leaves out keeps
/// the library's own default, so every default is written once, in its options record.
/// </summary>
public sealed record TrialSettings(
    BenchmarkSource Benchmark, SplitFractions Split, TeacherOptions Teacher, SymbolicOptions Student, int Islands)
{
    /// <summary>Islands per trial when the spec does not say.</summary>
    public const int DefaultIslands = 4;

    /// <summary>
    /// The settings of benchmark <paramref name="benchmarkIndex"/> at penalty weight <paramref name="lambda"/>.
    /// </summary>
    public static TrialSettings From(SweepSpec spec, int benchmarkIndex, double lambda)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(benchmarkIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(benchmarkIndex, spec.Benchmarks.Count);

        var teacher = ToTeacherOptions(spec.Teacher) with { Lambda = lambda };
        var student = ToSymbolicOptions(spec.Student);
        return new TrialSettings(spec.Benchmarks[benchmarkIndex], spec.Split, teacher, student,
            spec.Student.Islands ?? DefaultIslands);
    }

    /// <summary>Problems of the options a spec asks for, each prefixed with the spec section.</summary>
    public static IReadOnlyList<string> Validate(SweepSpec spec)
    {
        var problems = new List<string>();
        try
        {
            problems.AddRange(ToTeacherOptions(spec.Teacher).Validate().Select(p => $"teacher: {p}"));
        }
        catch (ArgumentException e)
        {
            problems.Add($"teacher: {e.Message}");
        }

        problems.AddRange(ToSymbolicOptions(spec.Student).Validate().Select(p => $"student: {p}"));
        if (spec.Student.Islands is < 1)
            problems.Add($"student: islands must be at least 1, got {spec.Student.Islands}");

        return problems;
    }

    private static TeacherOptions ToTeacherOptions(TeacherSpec spec)
    {
        var options = new TeacherOptions();
        return options with
        {
            Hidden = spec.Hidden ?? options.Hidden,
            Activation = spec.Activation is null ? options.Activation : ParseEnum<Activation>(spec.Activation),
            Optimizer = spec.Optimizer is null ? options.Optimizer : ParseEnum<OptimizerKind>(spec.Optimizer),
            Penalty = spec.Penalty is null ? options.Penalty : ParseEnum<PenaltyKind>(spec.Penalty),
            Epochs = spec.Epochs ?? options.Epochs,
            LearningRate = spec.LearningRate ?? options.LearningRate,
            BatchSize = spec.BatchSize ?? options.BatchSize,
            WeightDecay = spec.WeightDecay ?? options.WeightDecay,
            Patience = spec.Patience ?? options.Patience,
        };
    }

    private static SymbolicOptions ToSymbolicOptions(StudentSpec spec)
    {
        var options = new SymbolicOptions();
        return options with
        {
            Population = spec.Population ?? options.Population,
            Generations = spec.Generations ?? options.Generations,
            MigrationInterval = spec.MigrationInterval ?? options.MigrationInterval,
            Migrants = spec.Migrants ?? options.Migrants,
            MaxSize = spec.MaxSize ?? options.MaxSize,
            Operators = spec.Operators ?? options.Operators,
        };
    }

    /// <summary>Case-insensitive enum names; the spec loader has already checked them.</summary>
    private static T ParseEnum<T>(string text) where T : struct, Enum =>
        Enum.TryParse<T>(text.Replace("_", string.Empty), ignoreCase: true, out var value)
            ? value
            : throw new ArgumentException(
                $"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}");
}
