using static TorchSharp.torch;

namespace Sweep.Teachers.Training;

/// <summary>The inputs [rows, features] and targets [rows, 1] of one split, on the training device.</summary>
internal sealed class SplitTensors : IDisposable
{
    private SplitTensors(Tensor inputs, Tensor targets, int rows)
    {
        Inputs = inputs;
        Targets = targets;
        Rows = rows;
    }

    public Tensor Inputs { get; }

    public Tensor Targets { get; }

    public int Rows { get; }

    public static SplitTensors Create(double[] x, double[] y, int features, ScalarType dtype, Device device)
    {
        using var inputs = tensor(x, [y.Length, features], ScalarType.Float64);
        using var targets = tensor(y, [y.Length, 1], ScalarType.Float64);
        return new SplitTensors(inputs.to(dtype, device), targets.to(dtype, device), y.Length);
    }

    public void Dispose()
    {
        Inputs.Dispose();
        Targets.Dispose();
    }
}
