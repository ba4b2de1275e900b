using System.Globalization;
using Sweep.Symbolic;

namespace Sweep.Experiment;

/// <summary>
/// Tells whether two specs describe the same sweep, by what they mean rather than how they are written:
/// comments, layout, key order, the spelling of a number (<c>1e-3</c> or <c>0.001</c>) and of a name that
/// is compared ignoring case and underscores (<c>SiLU</c> or <c>silu</c>) do not count.
/// </summary>
/// <remarks>
/// The order of benchmarks, λs, seeds, hidden layers and operators counts: it is the order of the trials
/// and of the result tables, and operators are drawn by their position. The columns a benchmark drops
/// count as a set. Benchmark paths are compared as written, relative to the spec's folder, so a spec and
/// its data copied together to another folder describe the same sweep. A value left out differs from
/// one written out, even one equal to the library's default, because that default may change.
/// </remarks>
public static class SpecComparison
{
    /// <summary>How a setting the spec leaves out is shown.</summary>
    private const string NotGiven = "not given";

    /// <summary>
    /// The first setting, in the spec's key order, in which <paramref name="here"/> and
    /// <paramref name="stored"/> differ, as <c>lambdas: [0, 0.001] here, [0, 0.01] stored</c>; null when
    /// both describe the same sweep.
    /// </summary>
    public static string? FirstDifference(SweepSpec here, SweepSpec stored)
    {
        ArgumentNullException.ThrowIfNull(here);
        ArgumentNullException.ThrowIfNull(stored);
        var mine = Settings(here);
        var theirs = Settings(stored).ToDictionary(s => s.Setting, s => s.Value);
        foreach (var (setting, value) in mine)
        {
            var other = theirs.GetValueOrDefault(setting, NotGiven);
            if (value != other)
            {
                return $"{setting}: {value} here, {other} stored";
            }
        }

        // Settings only the stored spec has are those of benchmarks it names and this one does not, which
        // the benchmarks setting above already tells apart.
        return null;
    }

    /// <summary>
    /// <see cref="FirstDifference(SweepSpec, SweepSpec)"/> of two spec texts, each read as the file it names
    /// (whose folder is the base of its relative paths). Throws <see cref="SpecException"/> when either
    /// is not a valid spec.
    /// </summary>
    public static string? FirstDifference(string hereYaml, string hereFile, string storedYaml, string storedFile) =>
        FirstDifference(SpecLoader.Parse(hereYaml, hereFile), SpecLoader.Parse(storedYaml, storedFile));

    /// <summary>
    /// Every setting of <paramref name="spec"/> in a canonical form, in the spec's key order: a setting's
    /// path (<c>teacher.learning_rate</c>, <c>benchmarks.NAME.path</c>) and its value as shown to a user,
    /// <c>not given</c> where the spec leaves it out. Two specs mean the same sweep when these are equal.
    /// </summary>
    public static IReadOnlyList<(string Setting, string Value)> Settings(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var settings = new List<(string, string)>
        {
            ("name", spec.Name),
            ("benchmarks", List(spec.Benchmarks.Select(b => b.Name))),
        };
        foreach (var b in spec.Benchmarks)
        {
            var key = $"benchmarks.{b.Name}";
            settings.Add(($"{key}.path", b.Path ?? NotGiven));
            settings.Add(($"{key}.target", b.Target ?? NotGiven));
            settings.Add(($"{key}.drop_missing", b.DropMissing ? "true" : "false"));
            settings.Add(($"{key}.drop_columns", Optional(b.DropColumns?.Order(StringComparer.Ordinal))));
        }

        settings.Add(("lambdas", List(spec.Lambdas.Select(Number))));
        settings.Add(("seeds", List(spec.Seeds.Select(Number))));
        settings.Add(("split.train", Number(spec.Split.Train)));
        settings.Add(("split.validation", Number(spec.Split.Validation)));
        settings.Add(("split.test", Number(spec.Split.Test)));

        var t = spec.Teacher;
        settings.Add(("teacher.hidden", Optional(t.Hidden?.Select(Number))));
        settings.Add(("teacher.activation", Choice(t.Activation)));
        settings.Add(("teacher.epochs", Optional(t.Epochs)));
        settings.Add(("teacher.learning_rate", Optional(t.LearningRate)));
        settings.Add(("teacher.batch_size", Optional(t.BatchSize)));
        settings.Add(("teacher.optimizer", Choice(t.Optimizer)));
        settings.Add(("teacher.weight_decay", Optional(t.WeightDecay)));
        settings.Add(("teacher.patience", Optional(t.Patience)));
        settings.Add(("teacher.penalty", Choice(t.Penalty)));

        var s = spec.Student;
        settings.Add(("student.islands", Optional(s.Islands)));
        settings.Add(("student.population", Optional(s.Population)));
        settings.Add(("student.generations", Optional(s.Generations)));
        settings.Add(("student.migration_interval", Optional(s.MigrationInterval)));
        settings.Add(("student.migrants", Optional(s.Migrants)));
        settings.Add(("student.max_size", Optional(s.MaxSize)));
        settings.Add(("student.operators", Optional(s.Operators?.Select(Operator))));
        return settings;
    }

    private static string List(IEnumerable<string> items) => $"[{string.Join(", ", items)}]";

    private static string Optional(IEnumerable<string>? items) => items is null ? NotGiven : List(items);

    private static string Optional(int? value) => value is { } v ? Number(v) : NotGiven;

    private static string Optional(double? value) => value is { } v ? Number(v) : NotGiven;

    /// <summary>The shortest text that reads back as the same double, so equal numbers give equal text.</summary>
    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A name of an activation, optimizer or penalty, which the spec compares ignoring case and '_'.</summary>
    private static string Choice(string? name) => name is null ? NotGiven : SpecReader.ChoiceKey(name);

    /// <summary>An operator by the name the symbolic-regression library gives it ("^" is "pow").</summary>
    private static string Operator(string name) => OpCodes.TryParse(name, out var op) ? OpCodes.Name(op) : name;
}
