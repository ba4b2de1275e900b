namespace Sweep.Symbolic;

/// <summary>What one island reports after an epoch.</summary>
/// <param name="Emigrants">Programs to send to other islands (without linear scaling).</param>
/// <param name="Front">The island's current Pareto front of final programs, smallest first.</param>
/// <param name="Evaluations">Program evaluations this island has spent since it was created.</param>
/// <param name="GenerationsDone">Generations this island has completed since it was created.</param>
/// <param name="Finished">True once the generation, evaluation or time budget is spent.</param>
public sealed record EpochReport(
    IReadOnlyList<Expression> Emigrants, IReadOnlyList<FrontEntry> Front, long Evaluations, int GenerationsDone,
    bool Finished);
