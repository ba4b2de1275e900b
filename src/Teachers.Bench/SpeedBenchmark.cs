using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Sweep.Teachers.Bench;

/// <summary>
/// Epochs per second of the default teacher on synthetic data (1,000 × 8 unless told otherwise), with λ = 0 and
/// λ &gt; 0, in TorchSharp and in the PyTorch reference script on the same machine in the same run.
/// </summary>
/// <remarks>
/// Both sides run the same loop (see tools/pytorch/teacher_reference.py) with early stopping off, on one thread
/// each unless told otherwise. The runs alternate and repeat, and each figure is the median, so load from other
/// processes spreads over both sides. TorchSharp's time covers the whole <see cref="TeacherTrainer.Train"/> call,
/// scoring included; PyTorch's covers its training function.
/// </remarks>
internal static class SpeedBenchmark
{
    public static int Run(IReadOnlyDictionary<string, string> settings)
    {
        var rows = Int(settings, "rows", 1000);
        var features = Int(settings, "features", 8);
        var repeats = Int(settings, "repeats", 3);
        var lambda = double.Parse(settings.GetValueOrDefault("lambda", "0.01"), CultureInfo.InvariantCulture);
        var python = settings.GetValueOrDefault("python", "/usr/bin/python3");
        var options = Overrides.Apply(new TeacherOptions { Epochs = 100, Patience = 0 }, settings);
        var data = Synthetic(rows, features);
        var script = Path.Combine(RepositoryRoot(), "tools", "pytorch", "teacher_reference.py");

        TeacherTrainer.Train(data, options with { Epochs = 2 }, seed: 0);
        var sharp = new Dictionary<double, List<double>> { [0] = [], [lambda] = [] };
        var pytorch = new Dictionary<double, List<double>> { [0] = [], [lambda] = [] };
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            foreach (var value in sharp.Keys)
            {
                var result = TeacherTrainer.Train(data, options with { Lambda = value }, seed: repeat);
                sharp[value].Add(result.EpochsRun / result.Seconds);
                pytorch[value].Add(PyTorchEpochsPerSecond(python, script, options with { Lambda = value }, rows,
                    features, repeat));
            }
        }

        Report(options, rows, features, lambda, sharp, pytorch);
        return 0;
    }

    private static double PyTorchEpochsPerSecond(
        string python, string script, TeacherOptions options, int rows, int features, int seed)
    {
        var arguments = string.Create(CultureInfo.InvariantCulture,
            $"{script} speed --rows {rows} --features {features} --epochs {options.Epochs} "
            + $"--lr {options.LearningRate:R} --batch-size {options.BatchSize} --patience {options.Patience} "
            + $"--lambda {options.Lambda:R} --hidden {string.Join(",", options.Hidden)} "
            + $"--activation {options.Activation} --optimizer {options.Optimizer} "
            + $"--weight-decay {options.WeightDecay:R} --threads {Math.Max(1, options.Threads)} --seed {seed}");
        using var process = Process.Start(new ProcessStartInfo(python, arguments) { RedirectStandardOutput = true })
            ?? throw new InvalidOperationException($"Could not start {python}.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{python} {arguments} failed with exit code {process.ExitCode}.");

        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("epochs_per_second").GetDouble();
    }

    private static void Report(TeacherOptions options, int rows, int features, double lambda,
        Dictionary<double, List<double>> sharp, Dictionary<double, List<double>> pytorch)
    {
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(invariant,
            $"Teacher speed: {rows} x {features} rows, hidden [{string.Join(", ", options.Hidden)}] "
            + $"{options.Activation}, batch {options.BatchSize}, {options.Epochs} epochs, threads "
            + $"{options.Threads}, median of {sharp[0].Count} runs; machine: {Environment.ProcessorCount} cores, "
            + $"{CpuModel()}, load average at the end {LoadAverage()}"));
        Console.WriteLine("lambda   TorchSharp ep/s   PyTorch ep/s   TorchSharp time / PyTorch time");
        foreach (var value in sharp.Keys)
        {
            var mine = Median(sharp[value]);
            var theirs = Median(pytorch[value]);
            Console.WriteLine(string.Create(invariant,
                $"{value,-8} {mine,15:F1} {theirs,14:F1} {theirs / mine,18:F3}"));
        }

        Console.WriteLine(string.Create(invariant,
            $"penalty cost (step time at lambda {lambda} / at 0): TorchSharp "
            + $"{Median(sharp[0]) / Median(sharp[lambda]):F2}, "
            + $"PyTorch {Median(pytorch[0]) / Median(pytorch[lambda]):F2}"));
    }

    private static TeacherData Synthetic(int rows, int features)
    {
        var random = new Random(0);
        (double[] X, double[] Y) Split(int count)
        {
            var x = Enumerable.Range(0, count * features).Select(_ => 2 * random.NextDouble() - 1).ToArray();
            var y = Enumerable.Range(0, count)
                .Select(r => Math.Sin(x[r * features]) + x[r * features + 1] * x[r * features + 2])
                .ToArray();
            return (x, y);
        }

        var train = Split(rows);
        var validation = Split(rows / 5);
        return new TeacherData(train.X, train.Y, validation.X, validation.Y, [], [], features);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                ?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sweep.sln")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException("Run the benchmark from a build inside the repository.");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1
            ? sorted[sorted.Length / 2]
            : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static int Int(IReadOnlyDictionary<string, string> settings, string key, int fallback) =>
        int.Parse(settings.GetValueOrDefault(key, fallback.ToString(CultureInfo.InvariantCulture)),
            CultureInfo.InvariantCulture);
}
