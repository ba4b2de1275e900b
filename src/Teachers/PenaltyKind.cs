namespace Sweep.Teachers;

/// <summary>The smoothness term added, weighted by λ, to the teacher's mean squared error.</summary>
public enum PenaltyKind
{
    /// <summary>Plain mean squared error; λ is ignored.</summary>
    None,

    /// <summary>
    /// The batch mean of ‖∂f(x)/∂x‖², the squared norm of the network's input-gradient at each training input,
    /// computed exactly by double backward. The default.
    /// </summary>
    Jacobian,

    /// <summary>
    /// The square of an upper bound on the network's Lipschitz constant: the product over layers of the squared
    /// spectral norms of the weight matrices (estimated by power iteration), times the activation's Lipschitz
    /// constant squared once per hidden layer. It bounds ‖∂f(x)/∂x‖² everywhere, not only at the training
    /// inputs.
    /// </summary>
    Lipschitz,
}
