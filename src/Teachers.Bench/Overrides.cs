using System.Globalization;

namespace Sweep.Teachers.Bench;

/// <summary>Applies key=value command-line settings to teacher options.</summary>
internal static class Overrides
{
    public static TeacherOptions Apply(TeacherOptions options, IReadOnlyDictionary<string, string> settings)
    {
        foreach (var (key, value) in settings)
        {
            options = key switch
            {
                "lambda" => options with { Lambda = Double(value) },
                "epochs" => options with { Epochs = Int(value) },
                "batch" => options with { BatchSize = Int(value) },
                "lr" => options with { LearningRate = Double(value) },
                "patience" => options with { Patience = Int(value) },
                "threads" => options with { Threads = Int(value) },
                "penalty" => options with { Penalty = Enum.Parse<PenaltyKind>(value, ignoreCase: true) },
                "activation" => options with { Activation = Enum.Parse<Activation>(value, ignoreCase: true) },
                "optimizer" => options with { Optimizer = Enum.Parse<OptimizerKind>(value, ignoreCase: true) },
                "hidden" => options with { Hidden = value.Split(',').Select(Int).ToArray() },
                _ => options,
            };
        }

        return options;
    }

    private static double Double(string value) => double.Parse(value, CultureInfo.InvariantCulture);

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
