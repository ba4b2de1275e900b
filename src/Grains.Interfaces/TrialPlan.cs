namespace Sweep.Grains;

/// <summary>
/// Everything a grain needs to run one stage of one trial. The spec travels as its YAML text so
/// that every silo parses the same document and finds the same defaults; a trial is one
/// benchmark (by index in the spec) at one penalty weight and one seed.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TrialPlan(
    [property: Id(0)] string SweepName,
    [property: Id(1)] string SpecYaml,
    [property: Id(2)] string SpecPath,
    [property: Id(3)] string DatasetsFolder,
    [property: Id(4)] int BenchmarkIndex,
    [property: Id(5)] string Benchmark,
    [property: Id(6)] double Lambda,
    [property: Id(7)] int Seed)
{
    /// <summary>The trial's grain key; it names the sweep, benchmark, penalty weight and seed.</summary>
    public string Key => TrialKeys.Format(SweepName, Benchmark, Lambda, Seed);
}
