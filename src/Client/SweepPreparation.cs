using Sweep.Datasets;
using Sweep.Experiment;
using Sweep.Grains;

namespace Sweep.Client;

/// <summary>A checked spec with the trials it expands into.</summary>
/// <param name="Warnings">
/// Findings about the data that do not stop a run (dropped rows, extreme values), each once per
/// benchmark and prefixed with the benchmark's name; the file and line are in the text.
/// </param>
public sealed record PreparedSweep(
    SweepSpec Spec, SweepRequest Request, TrialInputCache Inputs, IReadOnlyList<string> Warnings);

/// <summary>Thrown when a spec or its data cannot run; carries every problem found, not only the first.</summary>
public sealed class InvalidSweepException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Reads a spec, finds the data, and checks everything a trial would need before any training
/// starts: option values, every data file, and the split of every benchmark at every seed.
/// Every problem found is reported together, so a user fixes them all in one pass.
/// </summary>
public static class SweepPreparation
{
    public static PreparedSweep Prepare(string specPath, string? datasetsOption)
    {
        var problems = new List<string>();
        var data = DataFolder.Find(datasetsOption);
        var (spec, readable) = TryLoadSpec(specPath, data.Catalog, problems);

        // The data folder matters only to benchmarks named from the catalog; a spec whose every
        // benchmark gives its own path runs without one.
        var needsCatalog = spec?.Benchmarks.Any(b => b.Path is null) ?? SpecText.MayNameCatalogBenchmarks(specPath);
        if (needsCatalog)
            problems.InsertRange(0, data.Problems);
        if (spec is not null)
            problems.AddRange(TrialSettings.Validate(spec).Select(p => $"{spec.SourceFile}: {p}"));

        // The data of every benchmark that can be found is checked even when the spec has other
        // problems, so that one run reports them all.
        var inputs = new TrialInputCache();
        var warnings = new List<string>();
        var baseFolder = Path.GetDirectoryName(Path.GetFullPath(specPath));
        foreach (var source in readable.Benchmarks)
        {
            // Without a data folder a catalog benchmark cannot be read; the folder's problem says why.
            if (source.Path is null && data.Folder is null)
                continue;
            problems.AddRange(CheckBenchmark(
                source, readable.Seeds, readable.Split, inputs, data.Folder ?? string.Empty, baseFolder, warnings));
        }

        if (spec is null || problems.Count > 0)
            throw new InvalidSweepException(problems);

        var request = Expand(spec, specPath, data.Folder ?? string.Empty);
        return new PreparedSweep(spec, request, inputs, warnings);
    }

    /// <summary>
    /// The spec, or null with its problems added; with a catalog, unknown names are located too.
    /// Either way, the parts of it that could be read.
    /// </summary>
    private static (SweepSpec? Spec, SpecParts Readable) TryLoadSpec(
        string specPath, DatasetCatalog? catalog, List<string> problems)
    {
        try
        {
            var spec = SpecLoader.Load(specPath, catalog);
            return (spec, new SpecParts(spec.Benchmarks, spec.Seeds, spec.Split));
        }
        catch (SpecException e)
        {
            problems.AddRange(e.Problems.Select(p => p.ToString()));
            return (null, e.Readable);
        }
    }

    private static SweepRequest Expand(SweepSpec spec, string specPath, string datasets)
    {
        var yaml = File.ReadAllText(specPath);
        var fullPath = Path.GetFullPath(specPath);
        var plans = new List<TrialPlan>();
        for (var i = 0; i < spec.Benchmarks.Count; i++)
        {
            foreach (var lambda in spec.Lambdas)
            {
                foreach (var seed in spec.Seeds)
                {
                    plans.Add(new TrialPlan(
                        spec.Name, yaml, fullPath, datasets, i, spec.Benchmarks[i].Name, lambda, seed));
                }
            }
        }

        return new SweepRequest(spec.Name, yaml, fullPath, datasets, plans);
    }

    /// <summary>
    /// Loads a benchmark's data and, when the spec's seeds and split could be read, splits it at
    /// every seed; returns the problems, each naming the benchmark.
    /// </summary>
    private static IEnumerable<string> CheckBenchmark(
        BenchmarkSource source, IReadOnlyList<int>? seeds, SplitFractions? split, TrialInputCache inputs,
        string datasets, string? baseFolder, List<string> warnings)
    {
        Dataset data;
        try
        {
            data = inputs.GetDataset(source, datasets, baseFolder);
        }
        catch (DataException e)
        {
            return e.Problems.Select(p => $"benchmark '{source.Name}': {p}");
        }

        warnings.AddRange(data.Warnings.Select(w => $"benchmark '{source.Name}': {w}"));
        var problems = new List<string>();
        if (seeds is null || split is null)
            return problems;

        foreach (var seed in seeds)
        {
            try
            {
                PreparedData.Prepare(data, split, seed);
            }
            catch (DataException e)
            {
                problems.AddRange(e.Problems.Select(p => $"benchmark '{source.Name}' (seed {seed}): {p}"));
                break;
            }
        }

        return problems;
    }

    /// <summary>The data folder and its catalog, or the problems that stand in their way.</summary>
    private sealed record DataFolder(string? Folder, DatasetCatalog? Catalog, IReadOnlyList<string> Problems)
    {
        public static DataFolder Find(string? option)
        {
            try
            {
                var folder = DatasetsFolder.Resolve(option);
                return new DataFolder(folder, DatasetCatalog.Load(folder), []);
            }
            catch (DataException e)
            {
                return new DataFolder(null, null, e.Problems.Select(p => p.ToString()).ToArray());
            }
        }
    }
}
