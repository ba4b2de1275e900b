using static TorchSharp.torch;

namespace Sweep.Teachers.Penalties;

/// <summary>The Jacobian penalty: the batch mean of ‖∂f(x)/∂x‖² for a network with one output.</summary>
internal static class InputGradient
{
    /// <summary>
    /// (1/n) Σᵢ Σⱼ (∂f(xᵢ)/∂xᵢⱼ)², exactly, from one backward pass through Σᵢ f(xᵢ): rows do not
    /// interact in the network, so the gradient of the sum with respect to row i is the input-gradient at row i.
    /// </summary>
    /// <param name="inputs">
    /// [rows, features], marked <c>requires_grad</c> before <paramref name="outputs"/> were computed.
    /// </param>
    /// <param name="outputs">[rows, 1], the network's outputs at <paramref name="inputs"/>.</param>
    /// <param name="createGraph">
    /// True inside training, so that the result can itself be differentiated with respect to the weights
    /// (double backward). TorchSharp does not let <c>create_graph</c> imply <c>retain_graph</c>, so both are passed.
    /// </param>
    public static Tensor MeanSquaredNorm(Tensor inputs, Tensor outputs, bool createGraph)
    {
        var gradients = autograd.grad(
            [outputs.sum()], [inputs], retain_graph: createGraph, create_graph: createGraph)[0];
        return gradients.square().sum(1).mean();
    }
}
