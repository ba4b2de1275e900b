using System.Text.RegularExpressions;
using Sweep.Datasets;
using Sweep.Symbolic;
using Sweep.Teachers;
using YamlDotNet.RepresentationModel;

namespace Sweep.Experiment;

/// <summary>
/// Reads and checks a sweep spec (YAML). Every problem of the file is reported at once, each with its
/// line and column, in one <see cref="SpecException"/>.
/// </summary>
/// <remarks>
/// Keys: <c>name</c>, <c>benchmarks</c>, <c>lambdas</c>, <c>seeds</c> (required); <c>split</c>,
/// <c>teacher</c>, <c>student</c> (optional; a value left out keeps the library default). Names of
/// activations, optimizers and penalties are those of the teacher library's enums, compared ignoring case
/// and underscores; operator names are those of the symbolic-regression library.
/// </remarks>
public static partial class SpecLoader
{
    /// <summary>Top-level keys of a spec.</summary>
    public static readonly IReadOnlyList<string> TopKeys =
        ["name", "benchmarks", "lambdas", "seeds", "split", "teacher", "student"];

    /// <summary>Keys of a benchmark written as a mapping.</summary>
    public static readonly IReadOnlyList<string> BenchmarkKeys =
        ["name", "path", "target", "drop_missing", "drop_columns"];

    /// <summary>Keys of the <c>split</c> section.</summary>
    public static readonly IReadOnlyList<string> SplitKeys = ["train", "validation", "test"];

    /// <summary>Keys of the <c>teacher</c> section.</summary>
    public static readonly IReadOnlyList<string> TeacherKeys =
    [
        "hidden", "activation", "epochs", "learning_rate", "batch_size", "optimizer", "weight_decay",
        "patience", "penalty",
    ];

    /// <summary>Keys of the <c>student</c> section.</summary>
    public static readonly IReadOnlyList<string> StudentKeys =
        ["islands", "population", "generations", "migration_interval", "migrants", "max_size", "operators"];

    internal static readonly string[] RequiredKeys = ["name", "benchmarks", "lambdas", "seeds"];

    /// <summary>Reads the spec file at <paramref name="path"/>.</summary>
    public static SweepSpec Load(string path) => Load(path, null);

    /// <summary>
    /// Reads the spec file at <paramref name="path"/> and, when <paramref name="catalog"/> is given, also
    /// reports at their line and column the benchmarks the catalog lacks and the paths (relative to the
    /// spec's folder) where no file exists.
    /// </summary>
    public static SweepSpec Load(string path, DatasetCatalog? catalog)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new SpecException([new SpecProblem(path, 0, 0, $"cannot read the spec: {error.Message}")]);
        }

        return Parse(yaml, path, catalog);
    }

    /// <summary>Checks spec text; <paramref name="fileName"/> is used in the problems' locations.</summary>
    public static SweepSpec Parse(string yaml, string fileName) => Parse(yaml, fileName, null);

    /// <summary>
    /// Checks spec text; <paramref name="fileName"/> is used in the problems' locations and its folder is
    /// the base of relative benchmark paths. With a <paramref name="catalog"/>, benchmarks are also checked
    /// against it and against the file system, as in <see cref="Load(string, DatasetCatalog?)"/>.
    /// </summary>
    public static SweepSpec Parse(string yaml, string fileName, DatasetCatalog? catalog)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        var reader = new SpecReader(fileName);
        var root = SpecYaml.Read(yaml, fileName);
        var entries = reader.Section(root, "the spec", TopKeys);
        if (entries is null)
        {
            throw new SpecException(reader.Problems);
        }

        foreach (var key in RequiredKeys.Where(k => !entries.ContainsKey(k)))
        {
            reader.Report(root, $"the spec lacks the required key '{key}'");
        }

        var name = entries.TryGetValue("name", out var nameNode) ? SafeName(reader, nameNode, "name") : null;
        var read = new Dictionary<YamlNode, BenchmarkSource>();
        var benchmarks = entries.TryGetValue("benchmarks", out var benchmarksNode)
            ? reader.List(
                benchmarksNode,
                "benchmarks",
                (node, path) => Benchmark(reader, node, path) is { } b ? read[node] = b : null,
                b => b.Name)
            : null;
        var lambdas = entries.TryGetValue("lambdas", out var lambdasNode)
            ? reader.Values(
                lambdasNode,
                "lambdas",
                (node, path) => reader.Number(node, path, v => v >= 0, "a finite number of at least 0"),
                v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))
            : null;
        var seeds = entries.TryGetValue("seeds", out var seedsNode)
            ? reader.Values(
                seedsNode,
                "seeds",
                (node, path) => reader.Integer(node, path, 0),
                v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;
        var located = benchmarksNode is YamlSequenceNode items
            ? Locate(reader, items, read, catalog, fileName)
            : [];

        var beforeSplit = reader.Problems.Count;
        var split = entries.TryGetValue("split", out var splitNode) ? Split(reader, splitNode) : new SplitFractions();
        var splitRead = reader.Problems.Count == beforeSplit ? split : null;
        var teacher = entries.TryGetValue("teacher", out var teacherNode) ? Teacher(reader, teacherNode) : new();
        var student = entries.TryGetValue("student", out var studentNode) ? Student(reader, studentNode) : new();

        if (reader.Problems.Count > 0)
        {
            throw new SpecException(reader.Problems, new SpecParts(located, seeds, splitRead));
        }

        return new SweepSpec(name!, fileName, benchmarks!, lambdas!, seeds!, split!, teacher!, student!);
    }

    private static BenchmarkSource? Benchmark(SpecReader reader, YamlNode node, string path)
    {
        if (node is YamlScalarNode)
        {
            return SafeName(reader, node, path) is { } catalogName ? new BenchmarkSource(catalogName) : null;
        }

        var entries = reader.Section(node, path, BenchmarkKeys);
        if (entries is null)
        {
            return null;
        }

        var before = reader.Problems.Count;
        var file = entries.TryGetValue("path", out var pathNode) ? reader.Text(pathNode, $"{path}.path") : null;
        string? name = null;
        if (entries.TryGetValue("name", out var nameNode))
        {
            name = SafeName(reader, nameNode, $"{path}.name");
        }
        else if (file is not null)
        {
            name = NameFromPath(reader, pathNode!, file, path);
        }
        else if (!entries.ContainsKey("path"))
        {
            reader.Report(node, $"{path} needs a name (a catalog entry) or a path (a CSV/TSV file)");
        }

        var target = entries.TryGetValue("target", out var targetNode)
            ? reader.Text(targetNode, $"{path}.target")
            : null;
        var dropMissing = entries.TryGetValue("drop_missing", out var dropMissingNode)
            ? reader.Boolean(dropMissingNode, $"{path}.drop_missing")
            : false;
        var dropColumns = entries.TryGetValue("drop_columns", out var dropColumnsNode)
            ? reader.List(dropColumnsNode, $"{path}.drop_columns", reader.Text, c => c)
            : null;

        if (reader.Problems.Count > before || name is null)
        {
            return null;
        }

        return new BenchmarkSource(name, file, target, dropMissing ?? false, dropColumns);
    }

    /// <summary>
    /// The benchmarks read without a problem that can be found: a path where a file exists, or (when a
    /// catalog is given) a catalog name. With a catalog, reports at their positions the others; each
    /// name is kept once, at its first entry.
    /// </summary>
    private static List<BenchmarkSource> Locate(
        SpecReader reader,
        YamlSequenceNode items,
        IReadOnlyDictionary<YamlNode, BenchmarkSource> read,
        DatasetCatalog? catalog,
        string fileName)
    {
        var baseFolder = Path.GetDirectoryName(Path.GetFullPath(fileName)) ?? Environment.CurrentDirectory;
        var located = new List<BenchmarkSource>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Children.Count; i++)
        {
            var item = items.Children[i];
            if (!read.TryGetValue(item, out var source) || !names.Add(source.Name))
            {
                continue;
            }

            if (source.Path is { } file)
            {
                var full = Path.GetFullPath(Path.Combine(baseFolder, file));
                if (File.Exists(full))
                {
                    located.Add(source);
                }
                else if (catalog is not null)
                {
                    reader.Report(ValueOf(item, "path"), $"benchmarks[{i + 1}].path: no file at {full}");
                }
            }
            else if (catalog is null)
            {
                continue;
            }
            else if (catalog.TryGet(source.Name, out _))
            {
                located.Add(source);
            }
            else
            {
                reader.Report(
                    ValueOf(item, "name"),
                    $"benchmarks[{i + 1}]: '{source.Name}' is not in {catalog.Path} ({catalog.Hint(source.Name)}); "
                    + "use a catalog name or give a path");
            }
        }

        return located;
    }

    private static YamlNode ValueOf(YamlNode item, string key) =>
        item is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value)
            ? value
            : item;

    private static string? NameFromPath(SpecReader reader, YamlNode pathNode, string file, string path)
    {
        var name = Path.GetFileName(file);
        foreach (var extension in new[] { ".gz", ".csv", ".tsv", ".tab", ".txt" })
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^extension.Length];
            }
        }

        if (IsSafeName(name))
        {
            return name;
        }

        reader.Report(pathNode, $"{path}: the file name '{name}' cannot name the benchmark; give a name: "
            + "letters, digits, '.', '_' and '-' only");
        return null;
    }

    private static SplitFractions? Split(SpecReader reader, YamlNode node)
    {
        if (SpecReader.IsNull(node))
        {
            return new SplitFractions();
        }

        var entries = reader.Section(node, "split", SplitKeys);
        if (entries is null)
        {
            return null;
        }

        var fractions = new double?[SplitKeys.Count];
        for (var i = 0; i < SplitKeys.Count; i++)
        {
            var key = SplitKeys[i];
            if (!entries.TryGetValue(key, out var valueNode))
            {
                reader.Report(node, $"split lacks '{key}'; give all of train, validation and test");
                continue;
            }

            fractions[i] = reader.Number(valueNode, $"split.{key}", v => v > 0 && v < 1,
                "a number strictly between 0 and 1");
        }

        if (fractions.Any(f => f is null))
        {
            return null;
        }

        var split = new SplitFractions(fractions[0]!.Value, fractions[1]!.Value, fractions[2]!.Value);
        foreach (var problem in split.Problems())
        {
            reader.Report(node, $"split: {problem}");
        }

        return split;
    }

    private static TeacherSpec? Teacher(SpecReader reader, YamlNode node)
    {
        if (SpecReader.IsNull(node))
        {
            return new TeacherSpec();
        }

        var e = reader.Section(node, "teacher", TeacherKeys);
        if (e is null)
        {
            return null;
        }

        return new TeacherSpec(
            Hidden: e.TryGetValue("hidden", out var hidden)
                ? reader.Values(hidden, "teacher.hidden", (n, p) => reader.Integer(n, p, 1))
                : null,
            Activation: e.TryGetValue("activation", out var activation)
                ? reader.Choice(activation, "teacher.activation", NamesOf<Activation>())
                : null,
            Epochs: e.TryGetValue("epochs", out var epochs) ? reader.Integer(epochs, "teacher.epochs", 1) : null,
            LearningRate: e.TryGetValue("learning_rate", out var rate)
                ? reader.Number(rate, "teacher.learning_rate", v => v > 0, "a finite number above 0")
                : null,
            BatchSize: e.TryGetValue("batch_size", out var batch)
                ? reader.Integer(batch, "teacher.batch_size", 0, "0 (full batch) or a positive number of rows")
                : null,
            Optimizer: e.TryGetValue("optimizer", out var optimizer)
                ? reader.Choice(optimizer, "teacher.optimizer", NamesOf<OptimizerKind>())
                : null,
            WeightDecay: e.TryGetValue("weight_decay", out var decay)
                ? reader.Number(decay, "teacher.weight_decay", v => v >= 0, "a finite number of at least 0")
                : null,
            Patience: e.TryGetValue("patience", out var patience)
                ? reader.Integer(patience, "teacher.patience", 0, "0 (no early stopping) or a positive epoch count")
                : null,
            Penalty: e.TryGetValue("penalty", out var penalty)
                ? reader.Choice(penalty, "teacher.penalty", NamesOf<PenaltyKind>())
                : null);
    }

    private static StudentSpec? Student(SpecReader reader, YamlNode node)
    {
        if (SpecReader.IsNull(node))
        {
            return new StudentSpec();
        }

        var e = reader.Section(node, "student", StudentKeys);
        if (e is null)
        {
            return null;
        }

        int? Count(string key, int minimum) =>
            e.TryGetValue(key, out var valueNode) ? reader.Integer(valueNode, $"student.{key}", minimum) : null;

        var population = Count("population", 2);
        var migrants = Count("migrants", 0);
        if (population is { } p && migrants is { } m && m > p)
        {
            reader.Report(e["migrants"], $"student.migrants ({m}) must not exceed student.population ({p})");
        }

        return new StudentSpec(
            Islands: Count("islands", 1),
            Population: population,
            Generations: Count("generations", 1),
            MigrationInterval: Count("migration_interval", 1),
            Migrants: migrants,
            MaxSize: Count("max_size", 1),
            Operators: e.TryGetValue("operators", out var operators)
                ? reader.List(operators, "student.operators", (n, path) => Operator(reader, n, path), o => o)
                : null);
    }

    private static string? Operator(SpecReader reader, YamlNode node, string path)
    {
        var name = reader.Text(node, path);
        if (name is null || OpCodes.TryParse(name, out _))
        {
            return name;
        }

        var known = Enum.GetValues<OpCode>().Where(op => OpCodes.Arity(op) > 0).Select(OpCodes.Name);
        reader.Report(node, $"{path}: '{name}' is not an operator; operators are {string.Join(" ", known)}");
        return null;
    }

    private static string? SafeName(SpecReader reader, YamlNode node, string path)
    {
        var name = reader.Text(node, path);
        if (name is null || IsSafeName(name))
        {
            return name;
        }

        reader.Report(node, $"{path} '{name}' may hold only letters, digits, '.', '_' and '-', "
            + "and must start with a letter or digit");
        return null;
    }

    private static bool IsSafeName(string name) => SafeNamePattern().IsMatch(name);

    private static IReadOnlyList<string> NamesOf<T>() where T : struct, Enum =>
        Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex SafeNamePattern();
}
