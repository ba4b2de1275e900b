using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sweep.Teachers.Training;

/// <summary>A copy of a network's parameters, taken at its best epoch and restored when training ends.</summary>
internal sealed class BestWeights : IDisposable
{
    private readonly Parameter[] _parameters;
    private readonly Tensor[] _saved;

    public BestWeights(IEnumerable<Parameter> parameters)
    {
        _parameters = parameters.ToArray();
        using var noGrad = no_grad();
        _saved = _parameters.Select(parameter => parameter.clone().DetachFromDisposeScope()).ToArray();
    }

    public void Save() => Copy(_parameters, _saved);

    public void Restore() => Copy(_saved, _parameters);

    public void Dispose()
    {
        foreach (var saved in _saved)
            saved.Dispose();
    }

    private static void Copy(IReadOnlyList<Tensor> from, IReadOnlyList<Tensor> to)
    {
        using var noGrad = no_grad();
        for (var i = 0; i < from.Count; i++)
            to[i].copy_(from[i]);
    }
}
