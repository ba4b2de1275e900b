using static TorchSharp.torch;

namespace Sweep.Teachers.Training;

/// <summary>
/// A copy of a network's flat parameter buffer, taken at its best epoch and restored when training ends.
/// </summary>
internal sealed class BestWeights(Tensor parameters) : IDisposable
{
    // The flat buffer never requires grad (its views, the parameters, do), so the clone carries no graph.
    private readonly Tensor _saved = parameters.clone();

    public void Save() => Copy(parameters, _saved);

    public void Restore() => Copy(_saved, parameters);

    public void Dispose() => _saved.Dispose();

    private static void Copy(Tensor from, Tensor to)
    {
        using var noGrad = no_grad();
        to.copy_(from);
    }
}
