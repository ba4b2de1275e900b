using System.Globalization;

namespace Sweep.Teachers;

/// <summary>
/// Training ran away: the training loss, or an output of the trained network, is NaN or infinite. It follows
/// from the data, λ, the learning rate and the seed, so a retry with the same settings diverges again.
/// </summary>
/// <remarks>
/// Adam scales its steps by the gradient's running magnitude, so a large λ alone rarely overflows; what does is a
/// learning rate large enough to throw the weights far out (worst with unbounded activations such as ReLU), or a
/// λ · penalty beyond float32's range (λ above about 3.4e38 is infinite in float32).
/// </remarks>
public sealed class TeacherDivergenceException : Exception
{
    private TeacherDivergenceException(string message, int epoch, double loss, double lambda, double learningRate)
        : base(message)
    {
        Epoch = epoch;
        Loss = loss;
        Lambda = lambda;
        LearningRate = learningRate;
    }

    /// <summary>The 1-based epoch at which the divergence was seen.</summary>
    public int Epoch { get; }

    /// <summary>The mean training loss of that epoch: NaN or ±∞ when the loss itself diverged.</summary>
    public double Loss { get; }

    /// <summary>λ of the training.</summary>
    public double Lambda { get; }

    /// <summary>Learning rate of the training.</summary>
    public double LearningRate { get; }

    /// <summary>The mean training loss of <paramref name="epoch"/> is not finite.</summary>
    internal static TeacherDivergenceException InLoss(int epoch, double loss, TeacherOptions options) =>
        new($"teacher training diverged at epoch {epoch} (loss = {Format(loss)}) with {Settings(options)}; "
            + Advice, epoch, loss, options.Lambda, options.LearningRate);

    /// <summary>
    /// The loss stayed finite, but the trained network's output on one input is not (<paramref name="what"/>
    /// says which, e.g. "the prediction for test row 3 is NaN").
    /// </summary>
    internal static TeacherDivergenceException InOutputs(
        int epochs, double loss, string what, TeacherOptions options) =>
        new($"teacher training diverged: after epoch {epochs} (loss = {Format(loss)}) {what}, with "
            + $"{Settings(options)}; {Advice}", epochs, loss, options.Lambda, options.LearningRate);

    private const string Advice = "lower lambda or the learning rate";

    private static string Settings(TeacherOptions options) =>
        $"lambda = {Format(options.Lambda)} and learning rate {Format(options.LearningRate)}";

    private static string Format(double value) => value.ToString("g", CultureInfo.InvariantCulture);
}
