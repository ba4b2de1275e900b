using System.Globalization;

namespace Sweep.Datasets;

/// <summary>
/// Loads a benchmark into a <see cref="Dataset"/>, checking the whole file first and reporting every
/// problem in one <see cref="DataException"/>.
/// </summary>
/// <remarks>
/// Errors: unknown catalog name, missing file, duplicated or unnamed columns, unknown target or dropped
/// column, text in a used column, missing cells (unless <see cref="BenchmarkSource.DropMissing"/>),
/// infinite cells, rows with the wrong number of fields, no rows, a constant target.
/// Warnings (kept on the data set): constant features, extreme magnitudes, dropped rows.
/// </remarks>
public static class DatasetLoader
{
    /// <summary>
    /// Magnitude from which a column is reported as extreme: beyond it doubles no longer hold integers
    /// exactly and the square of a value exceeds single precision, which a float teacher would use.
    /// </summary>
    public const double ExtremeMagnitude = 1e15;

    private const int MaxCellsReportedPerColumn = 10;
    private const int MaxLinesListed = 10;

    /// <summary>Loads one benchmark.</summary>
    /// <param name="source">The catalog entry or file to load.</param>
    /// <param name="datasetsFolder">The data folder holding <c>catalog.tsv</c>.</param>
    /// <param name="baseFolder">Folder a relative <see cref="BenchmarkSource.Path"/> is resolved against;
    /// the current directory when null.</param>
    public static Dataset Load(BenchmarkSource source, string datasetsFolder, string? baseFolder = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(datasetsFolder);

        var (file, defaultTarget) = Locate(source, datasetsFolder, baseFolder);
        var table = DelimitedTable.Read(file);
        var problems = new List<DataProblem>(table.Problems);

        var layout = ColumnLayout.Resolve(table, source, defaultTarget, problems);
        if (layout is null)
        {
            throw new DataException(problems);
        }

        var parsed = ParseCells(table, layout, source.DropMissing, problems);
        if (problems.Count > 0)
        {
            throw new DataException(InFileOrder(problems));
        }

        return Assemble(source.Name, table, layout, parsed);
    }

    /// <summary>
    /// Loads several benchmarks and, when <paramref name="split"/> is given, checks that each can be split
    /// so; the problems of all of them are reported together in one <see cref="DataException"/>.
    /// </summary>
    public static IReadOnlyList<Dataset> LoadAll(
        IEnumerable<BenchmarkSource> sources,
        string datasetsFolder,
        string? baseFolder = null,
        SplitFractions? split = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var datasets = new List<Dataset>();
        var problems = new List<DataProblem>();
        foreach (var source in sources)
        {
            try
            {
                var data = Load(source, datasetsFolder, baseFolder);
                if (split is not null)
                {
                    DataSplit.Sizes(data.Rows, split, data.SourcePath);
                }

                datasets.Add(data);
            }
            catch (DataException error)
            {
                problems.AddRange(error.Problems);
            }
        }

        if (problems.Count > 0)
        {
            throw new DataException(problems);
        }

        return datasets;
    }

    private static List<DataProblem> InFileOrder(List<DataProblem> problems)
    {
        return problems.OrderBy(p => p.Line ?? int.MaxValue).ToList();
    }

    private static (string File, string? DefaultTarget) Locate(
        BenchmarkSource source, string datasetsFolder, string? baseFolder)
    {
        if (source.Path is { } path)
        {
            var folder = baseFolder ?? Environment.CurrentDirectory;
            return (Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(folder, path)), null);
        }

        var catalog = DatasetCatalog.Load(datasetsFolder);
        if (!catalog.TryGet(source.Name, out var entry))
        {
            throw new DataException(new DataProblem(
                catalog.Path,
                null,
                null,
                $"no benchmark named '{source.Name}' in the catalog ({catalog.Hint(source.Name)}); "
                + "use a catalog name or give a path"));
        }

        return (Path.GetFullPath(Path.Combine(datasetsFolder, entry.File)), entry.Target);
    }

    private static ParsedCells ParseCells(
        DelimitedTable table, ColumnLayout layout, bool dropMissing, List<DataProblem> problems)
    {
        var rows = table.Rows.Count;
        var values = new double[rows * layout.Used.Count];
        var rowHasMissing = new bool[rows];
        for (var c = 0; c < layout.Used.Count; c++)
        {
            var column = layout.Used[c];
            var name = table.Header[column];
            var missing = new List<int>();
            var infinite = new List<int>();
            var text = new List<int>();
            for (var r = 0; r < rows; r++)
            {
                var kind = Cell.Classify(table.Rows[r].Fields[column], out var value);
                values[r * layout.Used.Count + c] = value;
                switch (kind)
                {
                    case CellKind.Missing:
                        missing.Add(r);
                        rowHasMissing[r] = true;
                        break;
                    case CellKind.Infinite:
                        infinite.Add(r);
                        break;
                    case CellKind.Text:
                        text.Add(r);
                        break;
                }
            }

            var isTarget = column == layout.Target;
            if (text.Count > 0)
            {
                problems.Add(TextProblem(table, name, isTarget, text));
                continue;
            }

            if (!dropMissing)
            {
                ReportCells(table, name, missing, "missing value; set drop_missing: true to drop such rows", problems);
            }

            ReportCells(table, name, infinite, "infinite or out-of-range value; numbers must be finite", problems);
        }

        return new ParsedCells(values, rowHasMissing);
    }

    private static DataProblem TextProblem(DelimitedTable table, string column, bool isTarget, List<int> rows)
    {
        var first = table.Rows[rows[0]];
        var sample = first.Fields[Array.IndexOf(table.Header, column)];
        var what = $"holds text in {rows.Count} of {table.Rows.Count} rows (first at line {first.Line}: '{sample}')";
        var advice = isTarget
            ? "the target must be numeric"
            : $"remove it with drop_columns: [{column}] or encode it as numbers";
        return new DataProblem(table.File, column, first.Line, $"{what}; {advice}");
    }

    private static void ReportCells(
        DelimitedTable table, string column, List<int> rows, string message, List<DataProblem> problems)
    {
        foreach (var r in rows.Take(MaxCellsReportedPerColumn))
        {
            var field = table.Rows[r].Fields[Array.IndexOf(table.Header, column)];
            var shown = field.Length == 0 ? "empty cell" : $"'{field}'";
            problems.Add(new DataProblem(table.File, column, table.Rows[r].Line, $"{shown}: {message}"));
        }

        if (rows.Count > MaxCellsReportedPerColumn)
        {
            problems.Add(new DataProblem(
                table.File,
                column,
                null,
                $"{rows.Count - MaxCellsReportedPerColumn} more cells like these in this column"));
        }
    }

    private static Dataset Assemble(string name, DelimitedTable table, ColumnLayout layout, ParsedCells parsed)
    {
        var used = layout.Used.Count;
        var features = layout.Features.Count;
        var kept = Enumerable.Range(0, table.Rows.Count).Where(r => !parsed.RowHasMissing[r]).ToArray();
        var dropped = table.Rows.Count - kept.Length;
        if (kept.Length == 0)
        {
            var why = dropped > 0 ? $"no rows left after dropping {dropped} rows with missing cells" : "no data rows";
            throw new DataException(new DataProblem(table.File, null, null, why));
        }

        var featureSlots = layout.Features.Select(f => layout.Used.IndexOf(f)).ToArray();
        var targetSlot = layout.Used.IndexOf(layout.Target);
        var x = new double[kept.Length * features];
        var y = new double[kept.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            var offset = kept[i] * used;
            for (var j = 0; j < features; j++)
            {
                x[i * features + j] = parsed.Values[offset + featureSlots[j]];
            }

            y[i] = parsed.Values[offset + targetSlot];
        }

        var lines = kept.Select(r => table.Rows[r].Line).ToArray();
        var targetName = table.Header[layout.Target];
        CheckTargetVaries(table.File, targetName, y);

        var featureNames = layout.Features.Select(c => table.Header[c]).ToArray();
        var warnings = new List<string>();
        if (dropped > 0)
        {
            var droppedLines = Enumerable.Range(0, table.Rows.Count)
                .Where(r => parsed.RowHasMissing[r])
                .Select(r => table.Rows[r].Line.ToString(CultureInfo.InvariantCulture));
            warnings.Add($"{table.File}: dropped {dropped} rows with missing cells (lines "
                + $"{ListSome(droppedLines, dropped)})");
        }

        warnings.AddRange(ScaleWarnings(table.File, featureNames, targetName, x, y, lines));
        return new Dataset(name, table.File, featureNames, targetName, x, y, dropped, warnings);
    }

    private static void CheckTargetVaries(string file, string target, double[] y)
    {
        if (y.Length < 2 || y.Any(v => v != y[0]))
        {
            return;
        }

        var value = y[0].ToString("R", CultureInfo.InvariantCulture);
        throw new DataException(new DataProblem(
            file,
            target,
            null,
            $"the target is constant (every row is {value}); R² is undefined, so there is nothing to fit"));
    }

    private static IEnumerable<string> ScaleWarnings(
        string file, string[] featureNames, string targetName, double[] x, double[] y, int[] lines)
    {
        var features = featureNames.Length;
        for (var j = 0; j < features; j++)
        {
            var column = Enumerable.Range(0, y.Length).Select(i => x[i * features + j]).ToArray();
            if (column.Length > 1 && column.All(v => v == column[0]))
            {
                var value = column[0].ToString("R", CultureInfo.InvariantCulture);
                yield return $"{file}: column '{featureNames[j]}': constant (every row is {value}); "
                    + "it carries no information";
            }

            if (ExtremeWarning(file, featureNames[j], column, lines) is { } warning)
            {
                yield return warning;
            }
        }

        if (ExtremeWarning(file, targetName, y, lines) is { } targetWarning)
        {
            yield return targetWarning;
        }
    }

    private static string? ExtremeWarning(string file, string column, double[] values, int[] lines)
    {
        var largest = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (Math.Abs(values[i]) > Math.Abs(values[largest]))
            {
                largest = i;
            }
        }

        var magnitude = Math.Abs(values[largest]);
        if (magnitude < ExtremeMagnitude)
        {
            return null;
        }

        var shown = values[largest].ToString("G3", CultureInfo.InvariantCulture);
        return $"{file}:{lines[largest]}: column '{column}': extreme magnitude {shown}; values are scaled "
            + "before training, but squares or sums in original units can overflow";
    }

    private static string ListSome(IEnumerable<string> items, int count)
    {
        var shown = string.Join(", ", items.Take(MaxLinesListed));
        return count > MaxLinesListed ? $"{shown}, ... {count - MaxLinesListed} more" : shown;
    }

    private sealed record ParsedCells(double[] Values, bool[] RowHasMissing);
}
