using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sweep.Teachers.Network;

/// <summary>
/// A fully connected network f: ℝ^features → ℝ, hidden layers with one activation, a linear output.
/// </summary>
/// <remarks>
/// <para>
/// The weights are drawn from the caller's generator on the CPU, in the order weight₀, bias₀, weight₁, ..., each
/// uniform on ±1/√fan_in as PyTorch's <c>nn.Linear</c> does, and only then moved to the device; so a seed gives
/// the same initial network on every device and the process-wide generator is never touched.
/// </para>
/// <para>
/// Every parameter is a view into one flat buffer (<see cref="Flat"/>), and every parameter's gradient a view into
/// another (<see cref="FlatGradient"/>), in the same order. Autograd accumulates into those views in place, so the
/// optimizer updates all weights with a handful of tensor operations per step instead of a handful per parameter;
/// for networks this small the number of operations, not their size, sets the speed. Gradients must therefore be
/// zeroed in place (<see cref="Training.FlatAdam.ZeroGrad"/>), never set to none.
/// </para>
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
        var layers = widths.Count - 1;
        var total = Enumerable.Range(0, layers).Sum(layer => (widths[layer] + 1L) * widths[layer + 1]);
        Flat = zeros(total, dtype, device);
        FlatGradient = zeros(total, dtype, device);
        _weights = new Parameter[layers];
        _biases = new Parameter[layers];
        var offset = 0L;
        for (var layer = 0; layer < layers; layer++)
        {
            var bound = 1.0 / Math.Sqrt(widths[layer]);
            _weights[layer] = Slice([widths[layer + 1], widths[layer]], bound, generator, ref offset);
            _biases[layer] = Slice([widths[layer + 1]], bound, generator, ref offset);
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

    /// <summary>
    /// All parameters, flattened in the order W₀, b₀, W₁, b₁, ...; the parameters are views into it.
    /// </summary>
    public Tensor Flat { get; }

    /// <summary>
    /// All parameters' gradients, in the order of <see cref="Flat"/>; the gradients are views into it.
    /// </summary>
    public Tensor FlatGradient { get; }

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

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Flat.Dispose();
            FlatGradient.Dispose();
        }
    }

    /// <summary>
    /// Draws the next parameter's values into its place in <see cref="Flat"/> and returns the parameter as a view
    /// there, with its gradient a view into <see cref="FlatGradient"/>.
    /// </summary>
    private Parameter Slice(long[] shape, double bound, Generator generator, ref long offset)
    {
        using var scope = NewDisposeScope();
        var count = shape.Aggregate(1L, (a, b) => a * b);
        var values = empty(shape, Flat.dtype).uniform_(-bound, bound, generator);
        var place = Flat.narrow(0, offset, count).view(shape);
        using (torch.no_grad())
            place.copy_(values);

        var parameter = new Parameter(place.detach(), requires_grad: true);
        parameter.grad = FlatGradient.narrow(0, offset, count).view(shape);
        offset += count;
        return (Parameter)parameter.MoveToOuterDisposeScope();
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
