namespace Sweep.Teachers;

/// <summary>The nonlinearity applied after every hidden layer of a teacher network.</summary>
public enum Activation
{
    /// <summary>Hyperbolic tangent; smooth, 1-Lipschitz. The default.</summary>
    Tanh,

    /// <summary>x · sigmoid(x) (also called swish); smooth, Lipschitz constant about 1.0998.</summary>
    SiLU,

    /// <summary>max(0, x); 1-Lipschitz, but its input-gradient is piecewise constant.</summary>
    ReLU,

    /// <summary>x · Φ(x) with the exact normal CDF Φ; smooth, Lipschitz constant about 1.1289.</summary>
    GELU,
}
