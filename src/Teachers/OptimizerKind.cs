namespace Sweep.Teachers;

/// <summary>The optimizer that updates the teacher's weights.</summary>
public enum OptimizerKind
{
    /// <summary>Adam; a non-zero weight decay is added to the gradient as an L2 term (coupled).</summary>
    Adam,

    /// <summary>AdamW; the weight decay shrinks the weights directly, apart from the gradient (decoupled).</summary>
    AdamW,
}
