using System.Globalization;

namespace Sweep.Teachers;

/// <summary>
/// How one teacher network is built and trained. Every default of the teacher lives here, once; a sweep spec
/// overrides only what it names.
/// </summary>
/// <remarks>
/// The defaults are sized for the quick sweep: a few hundred to a thousand standardized rows of a handful of
/// features train in a few seconds on one CPU core and reach the accuracy a tuned MLP reaches on such data.
/// </remarks>
public sealed record TeacherOptions
{
    /// <summary>The devices <see cref="Device"/> accepts.</summary>
    public static readonly IReadOnlyList<string> Devices = ["cpu", "cuda", "auto"];

    /// <summary>Widths of the hidden layers, input side first. Default two layers of 64.</summary>
    public IReadOnlyList<int> Hidden { get; init; } = [64, 64];

    /// <summary>Nonlinearity after each hidden layer. Default tanh.</summary>
    public Activation Activation { get; init; } = Activation.Tanh;

    /// <summary>
    /// Optimizer of the weights. Default Adam (β₁ = 0.9, β₂ = 0.999, ε = 1e-8, as in PyTorch).
    /// </summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>Step size of the optimizer. Default 3e-3.</summary>
    public double LearningRate { get; init; } = 3e-3;

    /// <summary>Weight decay of the optimizer (coupled L2 for Adam, decoupled for AdamW). Default 0.</summary>
    public double WeightDecay { get; init; }

    /// <summary>Maximum number of passes over the training rows. Default 400.</summary>
    public int Epochs { get; init; } = 400;

    /// <summary>
    /// Rows per optimizer step, reshuffled every epoch; 0 means one full-batch step per epoch. Default 64.
    /// </summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>
    /// Early stopping: training stops after this many epochs without a lower validation loss, and the weights of
    /// the best epoch are restored. 0 turns early stopping off (all epochs run, the last weights are kept).
    /// Default 50.
    /// </summary>
    public int Patience { get; init; } = 50;

    /// <summary>
    /// The smoothness penalty weighted by <see cref="Lambda"/>. Default <see cref="PenaltyKind.Jacobian"/>.
    /// </summary>
    public PenaltyKind Penalty { get; init; } = PenaltyKind.Jacobian;

    /// <summary>
    /// λ, the weight of the penalty in loss = MSE + λ · penalty; at least 0, and 0 trains on plain MSE.
    /// Both terms are in squared standardized target units. Default 0.
    /// </summary>
    public double Lambda { get; init; }

    /// <summary>
    /// Intra-op threads libtorch may use; 0 leaves libtorch's setting alone. The setting is process-wide, so
    /// trainings that run at once in one process should ask for the same count. Default 1, because small
    /// networks gain little from more threads and a sweep runs several trainings side by side.
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// "cpu"; "cuda" (training fails with <see cref="TeacherDeviceException"/> when CUDA is not available); or
    /// "auto" (CUDA when available, else the CPU, with the reason in <see cref="TeacherResult.DeviceReason"/>).
    /// Default "cpu".
    /// </summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Every problem with these options, each naming the bad value; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Hidden is null || Hidden.Count == 0)
            problems.Add("Hidden must list at least one layer width.");
        else if (Hidden.Any(width => width < 1))
            problems.Add($"Hidden widths must be at least 1, got [{string.Join(", ", Hidden)}].");

        if (!Enum.IsDefined(Activation))
            problems.Add($"Activation {Activation} is not one of {string.Join(", ", Enum.GetNames<Activation>())}.");

        if (!Enum.IsDefined(Optimizer))
            problems.Add($"Optimizer {Optimizer} is not one of {string.Join(", ", Enum.GetNames<OptimizerKind>())}.");

        if (!double.IsFinite(LearningRate) || LearningRate <= 0)
            problems.Add($"LearningRate must be a finite number above 0, got {Format(LearningRate)}.");

        if (!double.IsFinite(WeightDecay) || WeightDecay < 0)
            problems.Add($"WeightDecay must be a finite number of at least 0, got {Format(WeightDecay)}.");

        if (Epochs < 1)
            problems.Add($"Epochs must be at least 1, got {Epochs}.");

        if (BatchSize < 0)
            problems.Add($"BatchSize must be 0 (full batch) or a positive row count, got {BatchSize}.");

        if (Patience < 0)
            problems.Add($"Patience must be 0 (no early stopping) or a positive epoch count, got {Patience}.");

        if (!Enum.IsDefined(Penalty))
            problems.Add($"Penalty {Penalty} is not one of {string.Join(", ", Enum.GetNames<PenaltyKind>())}.");

        if (!double.IsFinite(Lambda) || Lambda < 0)
            problems.Add($"Lambda must be a finite number of at least 0, got {Format(Lambda)}.");

        if (Threads < 0)
            problems.Add($"Threads must be 0 (libtorch decides) or a positive count, got {Threads}.");

        if (Device is null || !Devices.Contains(Device))
            problems.Add($"Device must be one of {string.Join(", ", Devices)}, got '{Device}'.");

        return problems;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
