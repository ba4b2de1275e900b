using System.Globalization;
using System.IO.Compression;
using CsvHelper;
using CsvHelper.Configuration;

namespace Sweep.Datasets;

/// <summary>
/// The raw text of a delimited file: a header and rows of fields, each row with its 1-based file line.
/// Tab-separated when the name ends in <c>.tsv</c> or <c>.tab</c> (before an optional <c>.gz</c>),
/// comma-separated otherwise; gzip is read when the name ends in <c>.gz</c>.
/// </summary>
internal sealed class DelimitedTable
{
    private DelimitedTable(string file, string[] header, List<TableRow> rows, List<DataProblem> problems)
    {
        File = file;
        Header = header;
        Rows = rows;
        Problems = problems;
    }

    /// <summary>The file read.</summary>
    public string File { get; }

    /// <summary>Header fields, trimmed.</summary>
    public string[] Header { get; }

    /// <summary>Data rows, blank lines skipped.</summary>
    public IReadOnlyList<TableRow> Rows { get; }

    /// <summary>Malformed quoting and rows whose field count differs from the header's.</summary>
    public IReadOnlyList<DataProblem> Problems { get; }

    /// <summary>Reads the whole file; throws <see cref="DataException"/> when it is missing or has no header.</summary>
    public static DelimitedTable Read(string file)
    {
        if (!System.IO.File.Exists(file))
        {
            throw new DataException(new DataProblem(file, null, null, "file not found"));
        }

        using var stream = OpenText(file);
        var problems = new List<DataProblem>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = IsTabSeparated(file) ? "\t" : ",",
            HasHeaderRecord = false,
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            DetectColumnCountChanges = false,
            BadDataFound = args => problems.Add(new DataProblem(
                file, null, args.Context.Parser?.RawRow, $"malformed quoting in field '{args.Field}'")),
        };
        using var parser = new CsvParser(stream, configuration);

        if (!parser.Read() || parser.Record is null)
        {
            throw new DataException(new DataProblem(file, null, null, "the file is empty; a header line is needed"));
        }

        var header = parser.Record.ToArray();
        var rows = new List<TableRow>();
        while (parser.Read())
        {
            var fields = parser.Record ?? [];
            var line = parser.RawRow;
            if (fields.Length != header.Length)
            {
                problems.Add(new DataProblem(
                    file, null, line, $"{fields.Length} fields where the header has {header.Length}"));
                continue;
            }

            rows.Add(new TableRow(line, fields));
        }

        return new DelimitedTable(file, header, rows, problems);
    }

    private static TextReader OpenText(string file)
    {
        Stream stream = System.IO.File.OpenRead(file);
        if (file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        return new StreamReader(stream);
    }

    private static bool IsTabSeparated(string file)
    {
        var name = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? file[..^3] : file;
        return name.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".tab", StringComparison.OrdinalIgnoreCase);
    }
}
