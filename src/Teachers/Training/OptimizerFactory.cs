using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sweep.Teachers.Training;

/// <summary>Builds the configured optimizer with PyTorch's default hyperparameters.</summary>
internal static class OptimizerFactory
{
    /// <summary>β₁ of Adam and AdamW, PyTorch's default.</summary>
    public const double Beta1 = 0.9;

    /// <summary>
    /// β₂ of Adam and AdamW, PyTorch's default. Passed explicitly: TorchSharp's <c>torch.optim.Adam</c> factory
    /// defaults to 0.99.
    /// </summary>
    public const double Beta2 = 0.999;

    /// <summary>ε of Adam and AdamW, PyTorch's default.</summary>
    public const double Epsilon = 1e-8;

    /// <summary>Creates the optimizer; call outside any dispose scope, since it allocates its state tensors.</summary>
    public static optim.Optimizer Create(IEnumerable<Parameter> parameters, TeacherOptions options) =>
        options.Optimizer switch
        {
            OptimizerKind.Adam => optim.Adam(
                parameters, options.LearningRate, Beta1, Beta2, Epsilon, options.WeightDecay),
            OptimizerKind.AdamW => optim.AdamW(
                parameters, options.LearningRate, Beta1, Beta2, Epsilon, options.WeightDecay),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Optimizer, "Unknown optimizer."),
        };
}
