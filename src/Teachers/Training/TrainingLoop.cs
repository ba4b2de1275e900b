using Sweep.Teachers.Network;
using Sweep.Teachers.Penalties;
using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Teachers.Training;

/// <summary>
/// The epochs of one training: shuffled mini-batch steps, a validation loss per epoch, early stopping.
/// </summary>
/// <remarks>
/// A training loss that is NaN or infinite ends training with <see cref="TeacherDivergenceException"/> at once,
/// even when an earlier epoch was the best so far: restoring that epoch's weights would report a teacher for this
/// λ whose training in fact failed, and the sweep compares teachers across λ.
/// <para>
/// Each optimizer step runs in its own dispose scope, so every temporary tensor of the step (the batch, the
/// graph, the double-backward graph) is freed when the step ends; only parameters and optimizer state live on.
/// </para>
/// </remarks>
internal sealed class TrainingLoop(
    TeacherNetwork network,
    FlatAdam optimizer,
    TrainingObjective objective,
    TeacherOptions options,
    Generator generator)
{
    public TrainingOutcome Run(SplitTensors train, SplitTensors validation, CancellationToken ct)
    {
        var earlyStopping = options.Patience > 0 && validation.Rows > 0;
        using var best = earlyStopping ? new BestWeights(network.Flat) : null;
        var bestLoss = double.PositiveInfinity;
        var bestEpoch = 0;
        var trainLoss = double.NaN;
        var epochsRun = 0;
        while (epochsRun < options.Epochs)
        {
            ct.ThrowIfCancellationRequested();
            trainLoss = RunEpoch(train);
            epochsRun++;
            if (!double.IsFinite(trainLoss))
                throw TeacherDivergenceException.InLoss(epochsRun, trainLoss, options);

            var validationLoss = validation.Rows > 0 ? MeanSquaredError(validation) : double.NaN;
            if (validationLoss < bestLoss)
            {
                bestLoss = validationLoss;
                bestEpoch = epochsRun;
                best?.Save();
            }

            if (earlyStopping && epochsRun - bestEpoch >= options.Patience)
                break;
        }

        if (best is not null && bestEpoch > 0)
            best.Restore();

        return validation.Rows > 0
            ? new TrainingOutcome(trainLoss, bestLoss, bestEpoch, epochsRun)
            : new TrainingOutcome(trainLoss, double.NaN, epochsRun, epochsRun);
    }

    /// <summary>Mean over the rows of (f(x) − y)², without building a graph.</summary>
    public double MeanSquaredError(SplitTensors split)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return nn.functional.mse_loss(network.forward(split.Inputs), split.Targets).ToDouble();
    }

    private double RunEpoch(SplitTensors train)
    {
        var batchSize = options.BatchSize;
        if (batchSize == 0 || batchSize >= train.Rows)
            return Step(train.Inputs, train.Targets);

        using var epochScope = NewDisposeScope();
        var order = randperm(train.Rows, generator: generator).to(train.Inputs.device);
        var total = 0.0;
        var steps = 0;
        for (var start = 0; start < train.Rows; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var rows = order.narrow(0, start, Math.Min(batchSize, train.Rows - start));
            total += Step(train.Inputs.index_select(0, rows), train.Targets.index_select(0, rows));
            steps++;
        }

        return total / steps;
    }

    private double Step(Tensor inputs, Tensor targets)
    {
        using var scope = NewDisposeScope();
        optimizer.ZeroGrad();
        var loss = objective.Evaluate(inputs, targets).Total;
        loss.backward();
        optimizer.Step();
        return loss.ToDouble();
    }
}
