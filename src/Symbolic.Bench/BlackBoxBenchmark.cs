using System.Globalization;
using System.IO.Compression;

namespace Sweep.Symbolic.Bench;

/// <summary>
/// Black box: the engine fitted straight to the true targets of the PMLB regression sets with
/// SRBench's protocol (75/25 train/test split per seed, X and y standardized with training
/// statistics) at 500,000 evaluations; prints median test R² and median model size per data set
/// beside SRBench 2021's published medians for Operon and gplearn.
/// </summary>
internal static class BlackBoxBenchmark
{
    private const int Islands = 4;
    private const long Budget = 500_000;

    /// <summary>
    /// Fit rows from which the size limit is <see cref="LargeMaxSize"/> instead of 40 (unless <c>--set MaxSize=</c>
    /// fixes it): a set with thousands of rows supports a longer formula than one with dozens.
    /// </summary>
    private const int LargeFitRows = 1_000;

    private const int LargeMaxSize = 60;

    public static int Run(BenchArguments arguments)
    {
        var anchors = Anchors(Path.Combine(arguments.Datasets, "..", "anchors", "srbench2021_blackbox.tsv"));
        var sets = File.ReadLines(Path.Combine(arguments.Datasets, "catalog.tsv")).Skip(1)
            .Select(l => l.Split('\t'))
            .Where(c => c[5] == "pmlb" && (arguments.Only.Count == 0 || arguments.Only.Contains(c[0])))
            .Select(c => (Name: c[0], File: c[1], Rows: int.Parse(c[3], CultureInfo.InvariantCulture)))
            .OrderBy(s => s.Rows)
            .ToArray();
        var unknown = arguments.Only.Except(sets.Select(s => s.Name)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"--only names {string.Join(", ", unknown)}, which the catalog "
                + $"({Path.Combine(arguments.Datasets, "catalog.tsv")}) does not list as PMLB sets.");
        }

        var budget = arguments.Evaluations > 0 ? arguments.Evaluations : Budget;
        var options = arguments.Apply(new SymbolicOptions
        {
            Population = 200,
            Generations = 100_000,
            MaxSize = 40,
            MaxDepth = 14,
            MaxEvaluations = budget / Islands,
        });
        using var fits = arguments.Fits is null ? null : OpenFits(arguments.Fits);
        Console.WriteLine("dataset\trows\tmedian_r2_test\tmedian_size\tseconds\tmedian_r2_test_before_refit\t"
            + "operon_r2\toperon_size\tgplearn_r2\tgplearn_size");
        fits?.WriteLine("dataset\tseed\tr2_test\tr2_test_before_refit\tsize\tevaluations\tseconds\tformula");
        var ours = new List<(double R2, double Size, double R2Chosen)>();
        var theirs = new List<(double OperonR2, double OperonSize, double GplearnR2, double GplearnSize)>();
        foreach (var set in sets)
        {
            var (x, y, names) = ReadPmlb(Path.Combine(arguments.Datasets, set.File));
            var results = Enumerable.Range(arguments.FirstSeed, arguments.Seeds).Select(seed =>
            {
                var split = Standardized.Split(x, y, names.Count, seed, 0.75, arguments.MaxRows);
                var sized = arguments.Sets(nameof(SymbolicOptions.MaxSize)) ? options
                    : options with { MaxSize = split.Fit.Rows >= LargeFitRows ? LargeMaxSize : options.MaxSize };
                return Scoring.Run(sized, Islands, seed, split, arguments.Refit, arguments.Select);
            }).ToArray();
            foreach (var (r, seed) in results.Select((r, k) => (r, arguments.FirstSeed + k)))
            {
                fits?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{set.Name}\t{seed}\t{r.TestR2:F4}\t{r.TestR2Chosen:F4}\t{r.Model.Expression.Size}\t"
                    + $"{r.Evaluations}\t{r.Seconds:F1}\t{ExpressionFormatter.ToInfix(r.Model.Expression, names)}"));
            }

            fits?.Flush();
            var r2 = Scoring.Median(results.Select(r => r.TestR2));
            var r2Chosen = Scoring.Median(results.Select(r => r.TestR2Chosen));
            var size = Scoring.Median(results.Select(r => (double)r.Model.Expression.Size));
            var operon = anchors.GetValueOrDefault((set.Name, "Operon"), (R2: double.NaN, Size: double.NaN));
            var gplearn = anchors.GetValueOrDefault((set.Name, "gplearn"), (R2: double.NaN, Size: double.NaN));
            ours.Add((r2, size, r2Chosen));
            theirs.Add((operon.R2, operon.Size, gplearn.R2, gplearn.Size));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{set.Name}\t{set.Rows}\t{r2:F4}\t{size}\t{results.Sum(r => r.Seconds):F0}\t{r2Chosen:F4}\t"
                + $"{operon.R2:F4}\t{operon.Size}\t{gplearn.R2:F4}\t{gplearn.Size}"));
        }

        var (ourR2, ourSize) = (Scoring.Median(ours.Select(o => o.R2)), Scoring.Median(ours.Select(o => o.Size)));
        var (operonR2, operonSize) = (Scoring.Median(theirs.Select(t => t.OperonR2)),
            Scoring.Median(theirs.Select(t => t.OperonSize)));
        var (gplearnR2, gplearnSize) = (Scoring.Median(theirs.Select(t => t.GplearnR2)),
            Scoring.Median(theirs.Select(t => t.GplearnSize)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median over {ours.Count} sets: ours R² {ourR2:F4} size {ourSize} "
            + $"(R² before refit {Scoring.Median(ours.Select(o => o.R2Chosen)):F4}); "
            + $"Operon R² {operonR2:F4} size {operonSize}; "
            + $"gplearn R² {gplearnR2:F4} size {gplearnSize}"));
        return 0;
    }

    private static StreamWriter OpenFits(string path)
    {
        try
        {
            return new StreamWriter(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new ArgumentException($"--fits {path}: the file cannot be written ({e.Message})");
        }
    }

    /// <summary>
    /// Reads a PMLB .tsv.gz: tab-separated, header row, target column named "target". Names are the features'.
    /// </summary>
    private static (double[] X, double[] Y, IReadOnlyList<string> Names) ReadPmlb(string path)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        var header = reader.ReadLine()!.Split('\t');
        var target = Array.IndexOf(header, "target");
        var x = new List<double>();
        var y = new List<double>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split('\t');
            for (var j = 0; j < cells.Length; j++)
            {
                var value = double.Parse(cells[j], CultureInfo.InvariantCulture);
                if (j == target)
                {
                    y.Add(value);
                }
                else
                {
                    x.Add(value);
                }
            }
        }

        return ([.. x], [.. y], header.Where((_, j) => j != target).ToArray());
    }

    private static Dictionary<(string, string), (double R2, double Size)> Anchors(string path) =>
        File.ReadLines(path).Skip(1).Select(l => l.Split('\t')).ToDictionary(
            c => (c[0], c[1]),
            c => (double.Parse(c[3], CultureInfo.InvariantCulture), double.Parse(c[4], CultureInfo.InvariantCulture)));
}
