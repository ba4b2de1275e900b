namespace Sweep.Symbolic.Bench;

/// <summary>Rules by which a benchmark chooses the model it scores from the front (<c>--select</c>).</summary>
internal enum Selection
{
    /// <summary>
    /// The lowest AICc on all training rows, every entry refitted there unless <c>--refit off</c>
    /// (<see cref="ModelSelection.SelectByAicc"/>).
    /// </summary>
    Aicc,

    /// <summary>
    /// The smallest entry within 1 % of the lowest error on the held-out training rows
    /// (<see cref="ModelSelection.Select"/>), then refitted on all training rows unless <c>--refit off</c>.
    /// </summary>
    Validation,
}
