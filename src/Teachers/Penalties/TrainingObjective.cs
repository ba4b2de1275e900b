using Sweep.Teachers.Network;
using static TorchSharp.torch;

namespace Sweep.Teachers.Penalties;

/// <summary>The parts of the training objective for one batch; every tensor is a scalar.</summary>
/// <param name="Total">MSE + λ · penalty, the value that is differentiated.</param>
/// <param name="MeanSquaredError">Mean over the batch of (f(x) − y)².</param>
/// <param name="Penalty">The penalty before weighting by λ; null when no penalty is active.</param>
internal readonly record struct ObjectiveTerms(Tensor Total, Tensor MeanSquaredError, Tensor? Penalty);

/// <summary>
/// loss = MSE + λ · penalty for a teacher network, with the penalty chosen by <see cref="PenaltyKind"/>.
/// </summary>
/// <remarks>
/// With λ = 0, or no penalty, no penalty is computed at all, so plain MSE training pays nothing for it.
/// </remarks>
internal sealed class TrainingObjective : IDisposable
{
    private readonly TeacherNetwork _network;
    private readonly PenaltyKind _penalty;
    private readonly double _lambda;
    private readonly LipschitzBound? _lipschitz;

    public TrainingObjective(TeacherNetwork network, PenaltyKind penalty, double lambda)
    {
        _network = network;
        _lambda = lambda;
        _penalty = lambda > 0 ? penalty : PenaltyKind.None;
        _lipschitz = _penalty == PenaltyKind.Lipschitz ? new LipschitzBound(network) : null;
    }

    /// <summary>Evaluates the objective on one batch, building the graph for its gradient.</summary>
    public ObjectiveTerms Evaluate(Tensor inputs, Tensor targets)
    {
        var x = _penalty == PenaltyKind.Jacobian ? inputs.detach().requires_grad_(true) : inputs;
        var predictions = _network.forward(x);
        var mse = nn.functional.mse_loss(predictions, targets);
        if (_penalty == PenaltyKind.None)
            return new ObjectiveTerms(mse, mse, null);

        var penalty = _penalty == PenaltyKind.Jacobian
            ? InputGradient.MeanSquaredNorm(x, predictions, createGraph: true)
            : _lipschitz!.SquaredBound();
        return new ObjectiveTerms(mse + _lambda * penalty, mse, penalty);
    }

    public void Dispose() => _lipschitz?.Dispose();
}
