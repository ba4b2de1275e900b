using System.Collections.Concurrent;
using Sweep.Datasets;

namespace Sweep.Experiment;

/// <summary>The parsed spec, the trial's settings and its standardized data.</summary>
public sealed record TrialInputs(SweepSpec Spec, TrialSettings Settings, PreparedData Data);

/// <summary>
/// Builds a trial's inputs inside one process, parsing each spec text and loading each data
/// set at most once however many trials and islands ask for them. Safe to share.
/// </summary>
public sealed class TrialInputCache
{
    private readonly ConcurrentDictionary<(string Yaml, string Path), Lazy<SweepSpec>> _specs = new();
    private readonly ConcurrentDictionary<string, Lazy<Dataset>> _datasets = new();

    /// <summary>How many data sets this cache has loaded from disk.</summary>
    public int DatasetsLoaded => _datasets.Count;

    /// <summary>The inputs of one trial; throws <see cref="DataException"/> or <see cref="SpecException"/>.</summary>
    public TrialInputs Get(
        string specYaml, string specPath, string datasetsFolder, int benchmarkIndex, double lambda, int seed)
    {
        var spec = _specs.GetOrAdd((specYaml, specPath),
            key => new Lazy<SweepSpec>(() => SpecLoader.Parse(key.Yaml, key.Path))).Value;
        var settings = TrialSettings.From(spec, benchmarkIndex, lambda);
        var dataset = GetDataset(settings.Benchmark, datasetsFolder, Path.GetDirectoryName(specPath));
        var data = PreparedData.Prepare(dataset, settings.Split, seed);
        return new TrialInputs(spec, settings, data);
    }

    /// <summary>A data set loaded once per process; a failed load is not cached.</summary>
    public Dataset GetDataset(BenchmarkSource source, string datasetsFolder, string? baseFolder)
    {
        var key = string.Join('\u001f', source.Name, source.Path ?? "", source.Target ?? "",
            source.DropMissing, string.Join(',', source.DropColumns ?? []), datasetsFolder, baseFolder ?? "");
        var lazy = _datasets.GetOrAdd(key, _ => new Lazy<Dataset>(() =>
            DatasetLoader.Load(source, datasetsFolder, baseFolder)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            _datasets.TryRemove(key, out _);
            throw;
        }
    }
}
