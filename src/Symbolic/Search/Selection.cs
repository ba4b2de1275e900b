namespace Sweep.Symbolic;

/// <summary>Tournament selection: the lowest error among k members drawn with replacement.</summary>
internal static class Selection
{
    /// <summary>Ties go to the smaller program, then to the earlier draw.</summary>
    public static Individual Tournament(IReadOnlyList<Individual> population, int size, Rng rng)
    {
        var best = population[rng.Next(population.Count)];
        for (var k = 1; k < size; k++)
        {
            var other = population[rng.Next(population.Count)];
            if (IsBetter(other, best))
            {
                best = other;
            }
        }

        return best;
    }

    /// <summary>Lower error wins; equal error goes to the smaller program.</summary>
    public static bool IsBetter(Individual a, Individual b) =>
        a.Error < b.Error || (a.Error == b.Error && a.Size < b.Size);
}
