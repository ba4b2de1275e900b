using System.Globalization;

namespace Sweep.Cluster.Tests;

/// <summary>Reads a result table the way a user's spreadsheet would: by header name, values as text.</summary>
public static class Csv
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<dynamic>()
            .Select(r => (IReadOnlyDictionary<string, string>)((IDictionary<string, object>)r)
                .ToDictionary(kv => kv.Key, kv => kv.Value?.ToString() ?? ""))
            .ToList();
    }
}
