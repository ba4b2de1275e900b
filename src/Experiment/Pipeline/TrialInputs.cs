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

    /// <summary>The inputs of one trial.</summary>
    /// <exception cref="TrialFailureException">
    /// The spec text is invalid, or the data set cannot be split as the spec asks (too few rows): both follow
    /// from the trial's own spec and data, so every attempt would fail the same way.
    /// </exception>
    /// <exception cref="DataException">
    /// The data set cannot be loaded. This stays retryable: a missing or unreadable file can be a fault of one
    /// machine's copy of the data, and the spec's data were checked before the sweep started.
    /// </exception>
    public TrialInputs Get(
        string specYaml, string specPath, string datasetsFolder, int benchmarkIndex, double lambda, int seed)
    {
        var spec = GetSpec(specYaml, specPath);
        var settings = TrialSettings.From(spec, benchmarkIndex, lambda);
        var dataset = GetDataset(settings.Benchmark, datasetsFolder, Path.GetDirectoryName(specPath));
        try
        {
            return new TrialInputs(spec, settings, PreparedData.Prepare(dataset, settings.Split, seed));
        }
        catch (DataException e)
        {
            throw new TrialFailureException(e.Message, e);
        }
    }

    private SweepSpec GetSpec(string specYaml, string specPath)
    {
        try
        {
            return _specs.GetOrAdd((specYaml, specPath),
                key => new Lazy<SweepSpec>(() => SpecLoader.Parse(key.Yaml, key.Path))).Value;
        }
        catch (SpecException e)
        {
            throw new TrialFailureException(e.Message, e);
        }
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
