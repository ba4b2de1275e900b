namespace Sweep.Datasets;

/// <summary>
/// Which columns of a file are features and which one is the target, after the benchmark's options.
/// </summary>
internal sealed class ColumnLayout
{
    private static readonly string[] ConventionalTargets = ["target", "y"];

    private ColumnLayout(int target, List<int> features)
    {
        Target = target;
        Features = features;
        Used = [.. features, target];
    }

    /// <summary>0-based index of the target column in the file.</summary>
    public int Target { get; }

    /// <summary>0-based indices of the feature columns, in file order.</summary>
    public List<int> Features { get; }

    /// <summary>Features then the target: every column whose cells are read.</summary>
    public List<int> Used { get; }

    /// <summary>
    /// Chooses the columns; adds a problem for every header fault and returns null when one of them
    /// leaves no sensible layout.
    /// </summary>
    /// <param name="table">The file.</param>
    /// <param name="source">The benchmark's options (target, dropped columns).</param>
    /// <param name="defaultTarget">The catalog's target, when the source is a catalog entry.</param>
    /// <param name="problems">Where problems are added.</param>
    public static ColumnLayout? Resolve(
        DelimitedTable table, BenchmarkSource source, string? defaultTarget, List<DataProblem> problems)
    {
        var header = table.Header;
        var file = table.File;
        var before = problems.Count;
        var dropped = new HashSet<string>(source.DropColumns ?? [], StringComparer.Ordinal);
        var available = string.Join(", ", header);

        foreach (var name in dropped.Where(d => !header.Contains(d, StringComparer.Ordinal)))
        {
            problems.Add(new DataProblem(
                file, name, 1, $"drop_columns names a column the file does not have; columns are: {available}"));
        }

        for (var i = 0; i < header.Length; i++)
        {
            if (header[i].Length == 0)
            {
                problems.Add(new DataProblem(file, null, 1, $"column {i + 1} has no name; every column needs one"));
            }
        }

        foreach (var group in header.Where(h => h.Length > 0 && !dropped.Contains(h)).GroupBy(h => h))
        {
            if (group.Count() > 1)
            {
                var positions = Enumerable.Range(0, header.Length)
                    .Where(i => header[i] == group.Key)
                    .Select(i => i + 1);
                problems.Add(new DataProblem(
                    file,
                    group.Key,
                    1,
                    $"the name appears {group.Count()} times (columns {string.Join(", ", positions)}); "
                    + "column names must be unique"));
            }
        }

        var target = ChooseTarget(table, source.Target ?? defaultTarget, dropped, problems);
        var features = Enumerable.Range(0, header.Length)
            .Where(i => i != target && !dropped.Contains(header[i]))
            .ToList();
        if (target >= 0 && features.Count == 0)
        {
            problems.Add(new DataProblem(file, null, 1, "no feature columns are left besides the target"));
        }

        return problems.Count > before || target < 0 ? null : new ColumnLayout(target, features);
    }

    private static int ChooseTarget(
        DelimitedTable table, string? requested, HashSet<string> dropped, List<DataProblem> problems)
    {
        var header = table.Header;
        if (requested is not null)
        {
            var index = Array.IndexOf(header, requested);
            if (index < 0)
            {
                problems.Add(new DataProblem(
                    table.File,
                    requested,
                    1,
                    $"the target column is not in the file; columns are: {string.Join(", ", header)}"));
                return -1;
            }

            if (dropped.Contains(requested))
            {
                problems.Add(new DataProblem(table.File, requested, 1, "the target column is also in drop_columns"));
                return -1;
            }

            return index;
        }

        foreach (var name in ConventionalTargets)
        {
            var index = Array.IndexOf(header, name);
            if (index >= 0 && !dropped.Contains(name))
            {
                return index;
            }
        }

        var last = Array.FindLastIndex(header, h => !dropped.Contains(h));
        if (last < 0)
        {
            problems.Add(new DataProblem(table.File, null, 1, "every column is dropped; nothing is left to load"));
        }

        return last;
    }
}
