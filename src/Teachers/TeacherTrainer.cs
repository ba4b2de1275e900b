using System.Diagnostics;
using System.Globalization;
using Sweep.Teachers.Network;
using Sweep.Teachers.Penalties;
using Sweep.Teachers.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Teachers;

/// <summary>Trains one teacher network: loss = MSE + λ · penalty, Adam or AdamW, optional early stopping.</summary>
/// <remarks>
/// Every random draw (initial weights, the order of mini-batches) comes from a generator seeded by the caller,
/// never from libtorch's process-wide one, so trainings that run at once in one process do not disturb each other
/// and a seed with a thread count gives the same weights bit for bit. Tensors are float32, as in PyTorch.
/// </remarks>
public static class TeacherTrainer
{
    /// <summary>The element type of every tensor of a training.</summary>
    internal const ScalarType DType = ScalarType.Float32;

    /// <summary>
    /// Trains a teacher on <paramref name="data"/> and scores it. Synchronous and CPU or GPU bound: a caller on
    /// an event loop or a grain scheduler runs it on a thread of its own.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The options or the data are invalid; the message lists every problem.
    /// </exception>
    /// <exception cref="OperationCanceledException">
    /// <paramref name="ct"/> was cancelled (checked every epoch).
    /// </exception>
    /// <exception cref="TeacherDivergenceException">
    /// The training loss of an epoch, an output of the trained network or a reported score is NaN or infinite;
    /// the message names the epoch, the loss and λ. A returned result holds only finite numbers (NaN only where
    /// a split has no rows).
    /// </exception>
    public static TeacherResult Train(
        TeacherData data, TeacherOptions options, int seed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ThrowIfInvalid(options.Validate(), "options", nameof(options));
        ThrowIfInvalid(data.Validate(), "data", nameof(data));

        var clock = Stopwatch.StartNew();
        var device = TeacherDevice.Resolve(options.Device);
        ApplyThreads(options.Threads);

        using var generator = new Generator(unchecked((ulong)seed), CPU);
        var target = device.ToTorch();
        using var train = SplitTensors.Create(data.XTrain, data.YTrain, data.Features, DType, target);
        using var validation = SplitTensors.Create(data.XValidation, data.YValidation, data.Features, DType, target);
        using var nearValidation = NearValidationRows(data, target);
        var stopping = nearValidation ?? validation;
        using var test = SplitTensors.Create(data.XTest, data.YTest, data.Features, DType, target);
        using var network = new TeacherNetwork(data.Features, options.Hidden, options.Activation, generator, DType,
            target);
        using var optimizer = OptimizerFactory.Create(network, options);
        using var objective = new TrainingObjective(network, options.Penalty, options.Lambda);

        var outcome = new TrainingLoop(network, optimizer, objective, options, generator)
            .Run(train, stopping, ct);

        var predictionsTrain = Predict(network, train);
        var predictionsValidation = Predict(network, validation);
        var predictionsTest = Predict(network, test);
        var predictionsQuery = PredictQuery(network, data, target);
        var gradient = MeanSquaredInputGradient(network, test);
        var finite = new FiniteCheck(outcome, options);
        finite.Outputs("train", predictionsTrain);
        finite.Outputs("validation", predictionsValidation);
        finite.Outputs("test", predictionsTest);
        finite.Outputs("query", predictionsQuery);
        finite.Score("the mean squared input-gradient on the test rows", gradient, test.Rows > 0);
        finite.Score("the best validation loss", outcome.BestValidationLoss, stopping.Rows > 0);
        return new TeacherResult(
            RSquared.Of(data.YTrain, predictionsTrain),
            RSquared.Of(data.YValidation, predictionsValidation),
            RSquared.Of(data.YTest, predictionsTest),
            outcome.FinalTrainLoss,
            outcome.BestValidationLoss,
            outcome.BestEpoch,
            outcome.EpochsRun,
            gradient,
            clock.Elapsed.TotalSeconds,
            predictionsTrain,
            predictionsValidation,
            predictionsTest)
        {
            PredictionsQuery = predictionsQuery,
            Device = device.Name,
            DeviceReason = device.Reason,
        };
    }

    /// <summary>
    /// The validation rows early stopping ranks epochs by, when some must be left out (a target beyond
    /// <see cref="TeacherData.StoppingTargetLimit"/>); null when every validation row takes part.
    /// </summary>
    private static SplitTensors? NearValidationRows(TeacherData data, Device device)
    {
        static bool Near(double y) => Math.Abs(y) <= TeacherData.StoppingTargetLimit;
        if (data.YValidation.All(Near))
            return null;

        var (x, y) = SplitTensors.Where(data.XValidation, data.YValidation, data.Features, Near);
        return SplitTensors.Create(x, y, data.Features, DType, device);
    }

    private static void ThrowIfInvalid(IReadOnlyList<string> problems, string what, string parameter)
    {
        if (problems.Count > 0)
            throw new ArgumentException($"Invalid teacher {what}: {string.Join(" ", problems)}", parameter);
    }

    private static void ApplyThreads(int threads)
    {
        if (threads > 0 && torch.get_num_threads() != threads)
            torch.set_num_threads(threads);
    }

    private static double[] Predict(TeacherNetwork network, SplitTensors split)
    {
        if (split.Rows == 0)
            return [];

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return network.forward(split.Inputs).to(ScalarType.Float64, CPU).data<double>().ToArray();
    }

    private static double[] PredictQuery(TeacherNetwork network, TeacherData data, Device device)
    {
        var rows = data.XQuery.Length / data.Features;
        using var query = SplitTensors.Create(data.XQuery, new double[rows], data.Features, DType, device);
        return Predict(network, query);
    }

    private static double MeanSquaredInputGradient(TeacherNetwork network, SplitTensors split)
    {
        if (split.Rows == 0)
            return double.NaN;

        using var scope = NewDisposeScope();
        var inputs = split.Inputs.detach().requires_grad_(true);
        return InputGradient.MeanSquaredNorm(inputs, network.forward(inputs), createGraph: false).ToDouble();
    }

    /// <summary>
    /// Raises <see cref="TeacherDivergenceException"/> for the first output or score that is not finite.
    /// </summary>
    private readonly struct FiniteCheck(TrainingOutcome outcome, TeacherOptions options)
    {
        public void Outputs(string split, double[] predictions)
        {
            var row = Array.FindIndex(predictions, p => !double.IsFinite(p));
            if (row >= 0)
                Throw($"the prediction for {split} row {row} is {Format(predictions[row])}");
        }

        public void Score(string what, double value, bool defined)
        {
            if (defined && !double.IsFinite(value))
                Throw($"{what} is {Format(value)}");
        }

        private void Throw(string what) =>
            throw TeacherDivergenceException.InOutputs(outcome.EpochsRun, outcome.FinalTrainLoss, what, options);

        private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
