using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sweep.Teachers.Network;

/// <summary>
/// A fully connected network f: ℝ^features → ℝ, hidden layers with one activation, a linear output.
/// </summary>
/// <remarks>
/// The weights are drawn from the caller's generator on the CPU, in the order weight₀, bias₀, weight₁, ..., each
/// uniform on ±1/√fan_in as PyTorch's <c>nn.Linear</c> does, and only then moved to the device; so a seed gives
/// the same initial network on every device and the process-wide generator is never touched.
/// </remarks>
internal sealed class TeacherNetwork : nn.Module<Tensor, Tensor>
{
    private readonly Parameter[] _weights;
    private readonly Parameter[] _biases;
    private readonly Func<Tensor, Tensor> _activation;

    public TeacherNetwork(
        int features, IReadOnlyList<int> hidden, Activation activation, Generator generator, ScalarType dtype,
        Device device)
        : base(nameof(TeacherNetwork))
    {
        Activation = activation;
        _activation = ActivationFunction(activation);
        var widths = new List<int> { features };
        widths.AddRange(hidden);
        widths.Add(1);
        _weights = new Parameter[widths.Count - 1];
        _biases = new Parameter[widths.Count - 1];
        for (var layer = 0; layer < _weights.Length; layer++)
        {
            var bound = 1.0 / Math.Sqrt(widths[layer]);
            _weights[layer] = Draw([widths[layer + 1], widths[layer]], bound, generator, dtype, device);
            _biases[layer] = Draw([widths[layer + 1]], bound, generator, dtype, device);
            register_parameter($"weight{layer}", _weights[layer]);
            register_parameter($"bias{layer}", _biases[layer]);
        }
    }

    /// <summary>The nonlinearity after each hidden layer.</summary>
    public Activation Activation { get; }

    /// <summary>The weight matrices, [out, in] each, input side first.</summary>
    public IReadOnlyList<Parameter> Weights => _weights;

    /// <summary>The bias vectors, input side first.</summary>
    public IReadOnlyList<Parameter> Biases => _biases;

    /// <summary>Maps [rows, features] to [rows, 1].</summary>
    public override Tensor forward(Tensor input)
    {
        var x = input;
        for (var layer = 0; layer < _weights.Length - 1; layer++)
            x = _activation(nn.functional.linear(x, _weights[layer], _biases[layer]));

        return nn.functional.linear(x, _weights[^1], _biases[^1]);
    }

    /// <summary>Overwrites every weight and bias with the given values (for loading fixed networks).</summary>
    public void Load(IReadOnlyList<Tensor> weights, IReadOnlyList<Tensor> biases)
    {
        using var noGrad = torch.no_grad();
        for (var layer = 0; layer < _weights.Length; layer++)
        {
            _weights[layer].copy_(weights[layer]);
            _biases[layer].copy_(biases[layer]);
        }
    }

    private static Parameter Draw(long[] shape, double bound, Generator generator, ScalarType dtype, Device device)
    {
        using var scope = NewDisposeScope();
        var values = torch.empty(shape, dtype).uniform_(-bound, bound, generator).to(device);
        return (Parameter)new Parameter(values, requires_grad: true).MoveToOuterDisposeScope();
    }

    private static Func<Tensor, Tensor> ActivationFunction(Activation activation) => activation switch
    {
        Activation.Tanh => x => x.tanh(),
        Activation.SiLU => x => nn.functional.silu(x),
        Activation.ReLU => x => nn.functional.relu(x),
        Activation.GELU => x => nn.functional.gelu(x),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation."),
    };
}
