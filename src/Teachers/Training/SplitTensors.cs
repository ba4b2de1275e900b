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

    /// <remarks>
    /// Only held-out targets may lie beyond float32's range (see <see cref="TeacherData"/>); they are clamped to
    /// it here, and such a row's float32 target never enters a loss: early stopping uses a split without it.
    /// </remarks>
    public static SplitTensors Create(double[] x, double[] y, int features, ScalarType dtype, Device device)
    {
        using var inputs = tensor(x, [y.Length, features], ScalarType.Float64);
        using var exact = tensor(y, [y.Length, 1], ScalarType.Float64);
        using var targets = exact.clamp(-float.MaxValue, float.MaxValue);
        return new SplitTensors(inputs.to(dtype, device), targets.to(dtype, device), y.Length);
    }

    /// <summary>The rows of a row-major split whose target satisfies <paramref name="keep"/>.</summary>
    public static (double[] X, double[] Y) Where(double[] x, double[] y, int features, Predicate<double> keep)
    {
        var rows = Enumerable.Range(0, y.Length).Where(r => keep(y[r])).ToArray();
        var kept = new double[rows.Length * features];
        for (var i = 0; i < rows.Length; i++)
            Array.Copy(x, rows[i] * features, kept, i * features, features);

        return (kept, rows.Select(r => y[r]).ToArray());
    }

    public void Dispose()
    {
        Inputs.Dispose();
        Targets.Dispose();
    }
}
