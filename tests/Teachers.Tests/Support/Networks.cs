using Sweep.Teachers.Network;
using static TorchSharp.torch;

namespace Sweep.Teachers.Tests.Support;

/// <summary>Builds small float64 networks on the CPU for exact comparisons.</summary>
internal static class Networks
{
    public static TeacherNetwork Create(int features, int[] hidden, Activation activation, ulong seed)
    {
        using var generator = new Generator(seed, CPU);
        return new TeacherNetwork(features, hidden, activation, generator, ScalarType.Float64, CPU);
    }

    /// <summary>
    /// A network holding the given parameters, listed W₀, b₀, W₁, b₁, ... and flattened row-major.
    /// </summary>
    public static TeacherNetwork WithParameters(int features, int[] hidden, Activation activation, double[][] values)
    {
        var network = Create(features, hidden, activation, seed: 0);
        var weights = network.Weights.Select((w, layer) => tensor(values[2 * layer], w.shape)).ToArray();
        var biases = network.Biases.Select((b, layer) => tensor(values[2 * layer + 1], b.shape)).ToArray();
        network.Load(weights, biases);
        foreach (var t in weights.Concat(biases))
            t.Dispose();

        return network;
    }

    /// <summary>Parameters in fixture order: W₀, b₀, W₁, b₁, ...</summary>
    public static IReadOnlyList<TorchSharp.Modules.Parameter> Ordered(TeacherNetwork network) =>
        network.Weights.Zip(network.Biases, (w, b) => new[] { w, b }).SelectMany(pair => pair).ToArray();

    public static double[] Values(Tensor tensor) =>
        tensor.detach().to(ScalarType.Float64).flatten().data<double>().ToArray();
}
