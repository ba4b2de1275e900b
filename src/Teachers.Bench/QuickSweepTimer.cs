using System.Diagnostics;
using System.Globalization;

namespace Sweep.Teachers.Bench;

/// <summary>
/// Trains the teachers of the quick sweep (airfoil_self_noise, concrete_strength, 1027_ESL × λ ∈ {0, 1e-3,
/// 1e-2, 1e-1} × 2 seeds) with the default options, a few at a time in one process, and reports the wall time.
/// </summary>
/// <remarks>The rows are split with <see cref="ModuloSplit"/>, not the sweep's seeded split.</remarks>
internal static class QuickSweepTimer
{
    private static readonly string[] Datasets = ["airfoil_self_noise", "concrete_strength", "1027_ESL"];
    private static readonly double[] Lambdas = [0, 1e-3, 1e-2, 1e-1];
    private static readonly int[] Seeds = [0, 1];

    public static void Run(IReadOnlyDictionary<string, string> settings)
    {
        var concurrency = int.Parse(settings.GetValueOrDefault("concurrency", "2"), CultureInfo.InvariantCulture);
        var folder = settings.GetValueOrDefault("datasets") ?? DataFolder.Find();
        var options = Overrides.Apply(new TeacherOptions(), settings);
        var data = Datasets.ToDictionary(name => name, name => ModuloSplit.Apply(RegressionTable.Load(folder, name)));
        var trials = Datasets
            .SelectMany(name => Lambdas.SelectMany(lambda => Seeds.Select(seed => (name, lambda, seed))))
            .ToArray();

        var clock = Stopwatch.StartNew();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency };
        var lines = new string[trials.Length];
        Parallel.For(0, trials.Length, parallel, i =>
        {
            var (name, lambda, seed) = trials[i];
            var result = TeacherTrainer.Train(data[name], options with { Lambda = lambda }, seed);
            lines[i] = string.Create(CultureInfo.InvariantCulture,
                $"{name,-20} lambda={lambda,-6} seed={seed} r2_test={result.R2Test:F4} "
                + $"grad2_test={result.MeanSquaredInputGradientTest,-8:G4} epochs={result.EpochsRun,-4} "
                + $"seconds={result.Seconds:F2}");
        });

        foreach (var line in lines)
            Console.WriteLine(line);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{trials.Length} teachers, {concurrency} at a time: {clock.Elapsed.TotalSeconds:F1} s wall, "
            + $"{Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} s CPU of this process"));
    }
}
