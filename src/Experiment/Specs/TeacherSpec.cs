namespace Sweep.Experiment;

/// <summary>
/// The <c>teacher</c> section of a sweep spec. A null member means "not given": the teacher library's own
/// default applies, so no default is written here.
/// </summary>
/// <param name="Hidden">Widths of the hidden layers, input side first.</param>
/// <param name="Activation">Name of the activation (for example <c>tanh</c>).</param>
/// <param name="Epochs">Most passes over the training rows.</param>
/// <param name="LearningRate">Optimizer step size.</param>
/// <param name="BatchSize">Rows per step; 0 means full batch.</param>
/// <param name="Optimizer">Name of the optimizer (for example <c>adam</c>).</param>
/// <param name="WeightDecay">Weight decay, at least 0.</param>
/// <param name="Patience">Epochs without validation improvement before stopping; 0 turns this off.</param>
/// <param name="Penalty">Name of the smoothness penalty weighted by λ (for example <c>jacobian</c>).</param>
public sealed record TeacherSpec(
    IReadOnlyList<int>? Hidden = null,
    string? Activation = null,
    int? Epochs = null,
    double? LearningRate = null,
    int? BatchSize = null,
    string? Optimizer = null,
    double? WeightDecay = null,
    int? Patience = null,
    string? Penalty = null);
