using Sweep.Teachers.Network;
using static TorchSharp.torch;

namespace Sweep.Teachers.Penalties;

/// <summary>
/// The Lipschitz penalty: L² with L = c^(layers − 1) · Πₗ σ(Wₗ), an upper bound on the network's Lipschitz
/// constant, where σ(W) is the largest singular value (spectral norm) of a weight matrix and c the Lipschitz
/// constant of the activation. Since ‖∂f(x)/∂x‖ ≤ L at every x, the penalty bounds the Jacobian penalty from
/// above and is measured in the same units.
/// </summary>
/// <remarks>
/// σ(W) is estimated by power iteration, as PyTorch's spectral normalization does: left and right singular-vector
/// estimates u, v persist across optimizer steps and are refined by one iteration per step (after a warm-up at
/// construction), and σ = uᵀ W v is differentiated with u, v held fixed. The estimate approaches σ from below, so
/// between steps the bound can fall short of the true product by the estimate's error (a test holds it above
/// the largest input-gradient seen). The start vector is the normalized ones vector, so the penalty draws
/// nothing from any random generator.
/// </remarks>
internal sealed class LipschitzBound : IDisposable
{
    private const int WarmUpIterations = 30;
    private readonly TeacherNetwork _network;
    private readonly Tensor[] _left;
    private readonly Tensor[] _right;

    public LipschitzBound(TeacherNetwork network)
    {
        _network = network;
        _left = new Tensor[network.Weights.Count];
        _right = new Tensor[network.Weights.Count];
        for (var layer = 0; layer < _left.Length; layer++)
        {
            var weight = network.Weights[layer];
            using var scope = NewDisposeScope();
            _left[layer] = Normalized(ones(weight.shape[0], dtype: weight.dtype, device: weight.device))
                .MoveToOuterDisposeScope();
            _right[layer] = Normalized(ones(weight.shape[1], dtype: weight.dtype, device: weight.device))
                .MoveToOuterDisposeScope();
        }

        for (var iteration = 0; iteration < WarmUpIterations; iteration++)
            Iterate();
    }

    /// <summary>The largest slope of the activation: tanh and ReLU 1, SiLU ≈ 1.0998, GELU ≈ 1.1289.</summary>
    public static double ActivationLipschitz(Activation activation) => activation switch
    {
        Activation.Tanh or Activation.ReLU => 1.0,
        Activation.SiLU => 1.0998,
        Activation.GELU => 1.1289,
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation."),
    };

    /// <summary>Refines every singular-vector estimate once, then returns L² as a differentiable scalar.</summary>
    public Tensor SquaredBound()
    {
        Iterate();
        var layers = _network.Weights.Count;
        var activation = ActivationLipschitz(_network.Activation);
        var squared = Math.Pow(activation, 2.0 * (layers - 1)) * SpectralNorm(0).square();
        for (var layer = 1; layer < layers; layer++)
            squared = squared * SpectralNorm(layer).square();

        return squared;
    }

    /// <summary>The current estimate of σ(Wₗ) = uᵀ Wₗ v.</summary>
    public Tensor SpectralNorm(int layer) => _left[layer].dot(_network.Weights[layer].mv(_right[layer]));

    public void Dispose()
    {
        foreach (var vector in _left.Concat(_right))
            vector.Dispose();
    }

    private void Iterate()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        for (var layer = 0; layer < _left.Length; layer++)
        {
            var weight = _network.Weights[layer];
            _right[layer].copy_(Normalized(weight.t().mv(_left[layer])));
            _left[layer].copy_(Normalized(weight.mv(_right[layer])));
        }
    }

    private static Tensor Normalized(Tensor vector) => nn.functional.normalize(vector, p: 2, dim: 0, eps: 1e-12);
}
