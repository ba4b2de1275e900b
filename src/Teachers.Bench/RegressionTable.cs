using System.Globalization;
using System.IO.Compression;

namespace Sweep.Teachers.Bench;

/// <summary>A numeric regression table read from the shared data folder: rows of features and one target.</summary>
/// <remarks>
/// Deliberately minimal (comma- or tab-separated, header row, numbers only): it reads the benchmark's own data sets
/// and is not the project's data loader, which validates real-world input.
/// </remarks>
internal sealed record RegressionTable(double[][] Features, double[] Targets)
{
    public int Columns => Features[0].Length;

    /// <summary>Reads <c>catalog.tsv</c>'s entry <paramref name="name"/> from <paramref name="folder"/>.</summary>
    public static RegressionTable Load(string folder, string name)
    {
        var entry = File.ReadLines(Path.Combine(folder, "catalog.tsv"))
            .Select(line => line.Split('\t'))
            .FirstOrDefault(fields => fields[0] == name)
            ?? throw new ArgumentException($"{name} is not listed in {Path.Combine(folder, "catalog.tsv")}.");
        return Read(Path.Combine(folder, entry[1]), entry[2]);
    }

    private static RegressionTable Read(string path, string target)
    {
        using var stream = File.OpenRead(path);
        using var text = new StreamReader(path.EndsWith(".gz", StringComparison.Ordinal)
            ? new GZipStream(stream, CompressionMode.Decompress)
            : stream);
        var separator = path.Contains(".tsv", StringComparison.Ordinal) ? '\t' : ',';
        var header = text.ReadLine()!.Split(separator);
        var targetColumn = Array.IndexOf(header, target);
        var features = new List<double[]>();
        var targets = new List<double>();
        for (var line = text.ReadLine(); line is not null; line = text.ReadLine())
        {
            var values = line.Split(separator).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            targets.Add(values[targetColumn]);
            features.Add(values.Where((_, column) => column != targetColumn).ToArray());
        }

        return new RegressionTable(features.ToArray(), targets.ToArray());
    }
}
