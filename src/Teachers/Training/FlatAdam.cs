using Sweep.Teachers.Network;
using static TorchSharp.torch;

namespace Sweep.Teachers.Training;

/// <summary>
/// Adam and AdamW over a network's flat parameter buffer, with PyTorch's update rule and defaults.
/// </summary>
/// <remarks>
/// Adam is elementwise, so one update of the flat buffer equals one update per parameter; it takes about ten
/// tensor operations per step instead of about ten per parameter. With step t, gradient g and parameters θ:
/// <code>
/// Adam:   g ← g + wd·θ          AdamW:  θ ← θ·(1 − lr·wd)
/// m ← β₁m + (1 − β₁)g,   v ← β₂v + (1 − β₂)g²
/// θ ← θ − lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)
/// </code>
/// as PyTorch's <c>torch.optim.Adam</c> / <c>AdamW</c> compute it (single-tensor path, no AMSGrad).
/// </remarks>
internal sealed class FlatAdam : IDisposable
{
    /// <summary>β₁, PyTorch's default.</summary>
    public const double Beta1 = 0.9;

    /// <summary>β₂, PyTorch's default.</summary>
    public const double Beta2 = 0.999;

    /// <summary>ε, PyTorch's default.</summary>
    public const double Epsilon = 1e-8;

    private readonly TeacherNetwork _network;
    private readonly OptimizerKind _kind;
    private readonly double _learningRate;
    private readonly double _weightDecay;
    private readonly Tensor _average;
    private readonly Tensor _squaredAverage;
    private long _step;

    public FlatAdam(TeacherNetwork network, OptimizerKind kind, double learningRate, double weightDecay)
    {
        _network = network;
        _kind = kind;
        _learningRate = learningRate;
        _weightDecay = weightDecay;
        _average = zeros_like(network.Flat);
        _squaredAverage = zeros_like(network.Flat);
    }

    /// <summary>Zeroes every gradient in place (they stay views into the flat gradient buffer).</summary>
    public void ZeroGrad() => _network.FlatGradient.zero_();

    /// <summary>One update of every parameter from the gradients accumulated since <see cref="ZeroGrad"/>.</summary>
    public void Step()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var parameters = _network.Flat;
        var gradient = _network.FlatGradient;
        _step++;
        if (_weightDecay != 0 && _kind == OptimizerKind.AdamW)
            parameters.mul_(1 - _learningRate * _weightDecay);
        else if (_weightDecay != 0)
            gradient = gradient.add(parameters, alpha: _weightDecay);

        _average.mul_(Beta1).add_(gradient, alpha: 1 - Beta1);
        _squaredAverage.mul_(Beta2).addcmul_(gradient, gradient, value: 1 - Beta2);
        var stepSize = _learningRate / (1 - Math.Pow(Beta1, _step));
        var denominator = (_squaredAverage.sqrt() / Math.Sqrt(1 - Math.Pow(Beta2, _step))).add_(Epsilon);
        parameters.addcdiv_(_average, denominator, value: -stepSize);
    }

    public void Dispose()
    {
        _average.Dispose();
        _squaredAverage.Dispose();
    }
}
