using System.Globalization;

namespace Sweep.Teachers.Bench;

/// <summary>Trains one teacher on a shared data set with the modulo split and prints its scores.</summary>
internal static class FitCommand
{
    public static void Run(string dataset, IReadOnlyDictionary<string, string> settings)
    {
        var folder = settings.GetValueOrDefault("datasets") ?? DataFolder.Find();
        var data = ModuloSplit.Apply(RegressionTable.Load(folder, dataset));
        var options = Overrides.Apply(new TeacherOptions(), settings);
        var seed = int.Parse(settings.GetValueOrDefault("seed", "0"), CultureInfo.InvariantCulture);
        var result = TeacherTrainer.Train(data, options, seed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{dataset} seed={seed} lambda={options.Lambda} r2_train={result.R2Train:F4} "
            + $"r2_validation={result.R2Validation:F4} r2_test={result.R2Test:F4} "
            + $"grad2_test={result.MeanSquaredInputGradientTest:G4} epochs={result.EpochsRun} "
            + $"best_epoch={result.BestEpoch} seconds={result.Seconds:F2}"));
    }
}
