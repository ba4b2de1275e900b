using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sweep.Teachers.Tests.Fixtures;

/// <summary>
/// The values tools/pytorch/teacher_reference.py computed with PyTorch (see that script for how to regenerate).
/// </summary>
internal sealed record PyTorchFixture(
    [property: JsonPropertyName("torch")] string Torch,
    [property: JsonPropertyName("cases")] IReadOnlyList<GradientCase> Cases,
    [property: JsonPropertyName("airfoil")] IReadOnlyList<AirfoilReference> Airfoil)
{
    public static PyTorchFixture Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "pytorch_reference.json");
        return JsonSerializer.Deserialize<PyTorchFixture>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path} holds no fixture.");
    }
}

/// <summary>
/// A tiny float64 network with fixed weights on a fixed batch; parameters listed W₀, b₀, W₁, b₁, ...
/// </summary>
internal sealed record GradientCase(
    [property: JsonPropertyName("activation")] string Activation,
    [property: JsonPropertyName("optimizer")] string Optimizer,
    [property: JsonPropertyName("learning_rate")] double LearningRate,
    [property: JsonPropertyName("weight_decay")] double WeightDecay,
    [property: JsonPropertyName("lambda")] double Lambda,
    [property: JsonPropertyName("features")] int Features,
    [property: JsonPropertyName("hidden")] int[] Hidden,
    [property: JsonPropertyName("x")] double[] X,
    [property: JsonPropertyName("y")] double[] Y,
    [property: JsonPropertyName("initial")] double[][] Initial,
    [property: JsonPropertyName("mse")] double Mse,
    [property: JsonPropertyName("penalty")] double Penalty,
    [property: JsonPropertyName("total")] double Total,
    [property: JsonPropertyName("gradients")] double[][] Gradients,
    [property: JsonPropertyName("penalty_gradients")] double[][] PenaltyGradients,
    [property: JsonPropertyName("after_10_steps")] double[][] After10Steps)
{
    public override string ToString() => $"{Activation} {Optimizer} λ={Lambda}";
}

/// <summary>A default-sized teacher trained by PyTorch on airfoil_self_noise with the modulo split.</summary>
internal sealed record AirfoilReference(
    [property: JsonPropertyName("r2")] Dictionary<string, double> R2,
    [property: JsonPropertyName("mean_squared_input_gradient_test")] double MeanSquaredInputGradientTest,
    [property: JsonPropertyName("epochs")] int Epochs,
    [property: JsonPropertyName("settings")] AirfoilSettings Settings)
{
    public override string ToString() => $"airfoil λ={Settings.Lambda}";
}

internal sealed record AirfoilSettings(
    [property: JsonPropertyName("hidden")] int[] Hidden,
    [property: JsonPropertyName("activation")] string Activation,
    [property: JsonPropertyName("optimizer")] string Optimizer,
    [property: JsonPropertyName("lr")] double LearningRate,
    [property: JsonPropertyName("weight_decay")] double WeightDecay,
    [property: JsonPropertyName("epochs")] int Epochs,
    [property: JsonPropertyName("batch_size")] int BatchSize,
    [property: JsonPropertyName("patience")] int Patience,
    [property: JsonPropertyName("lam")] double Lambda,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("seed")] int Seed)
{
    public TeacherOptions ToOptions() => new()
    {
        Hidden = Hidden,
        Activation = Enum.Parse<Activation>(Activation),
        Optimizer = Enum.Parse<OptimizerKind>(Optimizer),
        LearningRate = LearningRate,
        WeightDecay = WeightDecay,
        Epochs = Epochs,
        BatchSize = BatchSize,
        Patience = Patience,
        Lambda = Lambda,
        Threads = Threads,
    };
}
