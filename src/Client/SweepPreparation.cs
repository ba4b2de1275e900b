using Sweep.Datasets;
using Sweep.Experiment;
using Sweep.Grains;

namespace Sweep.Client;

/// <summary>A checked spec with the trials it expands into.</summary>
public sealed record PreparedSweep(SweepSpec Spec, SweepRequest Request, TrialInputCache Inputs);

/// <summary>Thrown when a spec or its data cannot run; carries every problem found, not only the first.</summary>
public sealed class InvalidSweepException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Reads a spec, finds the data, and checks everything a trial would need before any training
/// starts: option values, every data file, and the split of every benchmark at every seed.
/// </summary>
public static class SweepPreparation
{
    public static PreparedSweep Prepare(string specPath, string? datasetsOption)
    {
        var problems = new List<string>();
        string? datasets = null;
        DatasetCatalog? catalog = null;
        try
        {
            datasets = DatasetsFolder.Resolve(datasetsOption);
            catalog = DatasetCatalog.Load(datasets);
        }
        catch (DataException e)
        {
            problems.AddRange(e.Problems.Select(p => p.ToString()));
        }

        SweepSpec spec;
        try
        {
            // With the catalog, an unknown benchmark name is reported at its line and column.
            spec = SpecLoader.Load(specPath, catalog);
        }
        catch (SpecException e)
        {
            problems.AddRange(e.Problems.Select(p => $"{p.File}:{p.Line}:{p.Column}: {p.Message}"));
            throw new InvalidSweepException(problems);
        }

        if (datasets is null)
            throw new InvalidSweepException(problems);

        problems.AddRange(TrialSettings.Validate(spec).Select(p => $"{spec.SourceFile}: {p}"));
        var inputs = new TrialInputCache();
        var baseFolder = Path.GetDirectoryName(Path.GetFullPath(specPath));
        for (var i = 0; i < spec.Benchmarks.Count; i++)
            problems.AddRange(CheckBenchmark(spec, i, inputs, datasets, baseFolder));

        if (problems.Count > 0)
            throw new InvalidSweepException(problems);

        var yaml = File.ReadAllText(specPath);
        var fullPath = Path.GetFullPath(specPath);
        var plans = new List<TrialPlan>();
        for (var i = 0; i < spec.Benchmarks.Count; i++)
        {
            foreach (var lambda in spec.Lambdas)
            {
                foreach (var seed in spec.Seeds)
                    plans.Add(new TrialPlan(spec.Name, yaml, fullPath, datasets, i, spec.Benchmarks[i].Name, lambda, seed));
            }
        }

        return new PreparedSweep(spec, new SweepRequest(spec.Name, yaml, fullPath, datasets, plans), inputs);
    }

    private static IEnumerable<string> CheckBenchmark(
        SweepSpec spec, int index, TrialInputCache inputs, string datasets, string? baseFolder)
    {
        var source = spec.Benchmarks[index];
        Dataset data;
        try
        {
            data = inputs.GetDataset(source, datasets, baseFolder);
        }
        catch (DataException e)
        {
            return e.Problems.Select(p => $"benchmark '{source.Name}': {p}");
        }

        var problems = new List<string>();
        foreach (var seed in spec.Seeds)
        {
            try
            {
                PreparedData.Prepare(data, spec.Split, seed);
            }
            catch (DataException e)
            {
                problems.AddRange(e.Problems.Select(p => $"benchmark '{source.Name}' (seed {seed}): {p}"));
                break;
            }
        }

        return problems;
    }
}
