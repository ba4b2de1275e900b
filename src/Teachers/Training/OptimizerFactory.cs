using Sweep.Teachers.Network;

namespace Sweep.Teachers.Training;

/// <summary>Builds the configured optimizer for a network.</summary>
internal static class OptimizerFactory
{
    /// <summary>Creates the optimizer; call outside any dispose scope, since it allocates its state tensors.</summary>
    public static FlatAdam Create(TeacherNetwork network, TeacherOptions options) => options.Optimizer switch
    {
        OptimizerKind.Adam or OptimizerKind.AdamW =>
            new FlatAdam(network, options.Optimizer, options.LearningRate, options.WeightDecay),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Optimizer, "Unknown optimizer."),
    };
}
