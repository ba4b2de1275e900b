using System.Globalization;

namespace Sweep.Datasets;

/// <summary>
/// The list of benchmark data sets in a data folder, read from its <c>catalog.tsv</c> (columns
/// <c>name, file, target, rows, columns_besides_target, origin</c>).
/// </summary>
public sealed class DatasetCatalog
{
    /// <summary>File name of the catalog inside a data folder.</summary>
    public const string FileName = "catalog.tsv";

    /// <summary>The shortest name that makes another similar by being part of it.</summary>
    private const int MinimumContained = 3;

    private static readonly string[] RequiredColumns =
        ["name", "file", "target", "rows", "columns_besides_target", "origin"];

    private readonly Dictionary<string, CatalogEntry> byName;

    private DatasetCatalog(string path, IReadOnlyList<CatalogEntry> entries)
    {
        Path = path;
        Entries = entries;
        byName = entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
    }

    /// <summary>The catalog file read.</summary>
    public string Path { get; }

    /// <summary>Every entry, in catalog order.</summary>
    public IReadOnlyList<CatalogEntry> Entries { get; }

    /// <summary>Reads <c>catalog.tsv</c> of <paramref name="datasetsFolder"/>; reports all bad rows at once.</summary>
    public static DatasetCatalog Load(string datasetsFolder)
    {
        ArgumentNullException.ThrowIfNull(datasetsFolder);
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(datasetsFolder, FileName));
        var table = DelimitedTable.Read(path);
        var problems = new List<DataProblem>(table.Problems);

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < table.Header.Length; i++)
        {
            columns.TryAdd(table.Header[i], i);
        }

        var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new DataProblem(path, null, 1, $"the header lacks {string.Join(", ", missing)}"));
            throw new DataException(problems);
        }

        var entries = new List<CatalogEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var entry = ParseRow(path, row, columns, problems);
            if (entry is null)
            {
                continue;
            }

            if (!seen.Add(entry.Name))
            {
                problems.Add(new DataProblem(path, "name", row.Line, $"'{entry.Name}' is listed twice"));
                continue;
            }

            entries.Add(entry);
        }

        if (problems.Count > 0)
        {
            throw new DataException(problems);
        }

        return new DatasetCatalog(path, entries);
    }

    /// <summary>Looks an entry up by its exact name.</summary>
    public bool TryGet(string name, out CatalogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (byName.TryGetValue(name, out var found))
        {
            entry = found;
            return true;
        }

        entry = null!;
        return false;
    }

    /// <summary>
    /// Names of the entries similar to <paramref name="name"/>, for "did you mean" hints, most similar
    /// first; empty when no entry is similar. Case is ignored, and a PMLB name is also compared without
    /// its numeric prefix (<c>1027_ESL</c> as <c>ESL</c>).
    /// </summary>
    /// <remarks>
    /// Similar means that one name holds the other, the shorter being at least
    /// <see cref="MinimumContained"/> characters long, or that the names are at most a third of the typed
    /// name's length in edits apart (at least one edit).
    /// A name that is merely the nearest of dissimilar ones is no hint, so it is never offered.
    /// </remarks>
    public IReadOnlyList<string> Suggest(string name, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(name);
        var typed = name.ToLowerInvariant();
        var maxDistance = Math.Max(1, typed.Length / 3);
        return Entries
            .Select(e => (e.Name, Keys: Keys(e.Name)))
            .Select(e => (
                e.Name,
                Contains: e.Keys.Any(k => Holds(k, typed) || Holds(typed, k)),
                Distance: e.Keys.Min(k => EditDistance(typed, k))))
            .Where(p => p.Contains || p.Distance <= maxDistance)
            .OrderByDescending(p => p.Contains)
            .ThenBy(p => p.Distance)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(p => p.Name)
            .ToList();
    }

    /// <summary>
    /// The hint for a name not in the catalog, to stand in parentheses after it: the similar names
    /// (<see cref="Suggest"/>), or, when none is, where the full list of names is.
    /// </summary>
    public string Hint(string name)
    {
        var similar = Suggest(name);
        return similar.Count > 0
            ? $"closest: {string.Join(", ", similar)}"
            : $"none is close; the catalog's `name` column lists all {Entries.Count}";
    }

    private static bool Holds(string outer, string inner) =>
        inner.Length >= MinimumContained && outer.Contains(inner, StringComparison.Ordinal);

    /// <summary>The lower-case name, and without its numeric prefix where it has one (PMLB's <c>1027_</c>).</summary>
    private static string[] Keys(string name)
    {
        var key = name.ToLowerInvariant();
        var prefix = key.TakeWhile(char.IsAsciiDigit).Count();
        return prefix > 0 && prefix < key.Length - 1 && key[prefix] == '_' ? [key, key[(prefix + 1)..]] : [key];
    }

    private static CatalogEntry? ParseRow(
        string path, TableRow row, Dictionary<string, int> columns, List<DataProblem> problems)
    {
        string Field(string column) => row.Fields[columns[column]];

        int? Count(string column)
        {
            if (int.TryParse(Field(column), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            problems.Add(new DataProblem(path, column, row.Line, $"'{Field(column)}' is not a row count"));
            return null;
        }

        var name = Field("name");
        var file = Field("file");
        var target = Field("target");
        if (name.Length == 0 || file.Length == 0 || target.Length == 0)
        {
            problems.Add(new DataProblem(path, null, row.Line, "name, file and target must not be empty"));
            return null;
        }

        var rows = Count("rows");
        var features = Count("columns_besides_target");
        if (rows is null || features is null)
        {
            return null;
        }

        return new CatalogEntry(name, file, target, rows.Value, features.Value, Field("origin"));
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
