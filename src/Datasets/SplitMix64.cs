namespace Sweep.Datasets;

/// <summary>
/// The SplitMix64 generator (Steele, Lea and Flood, 2014): a fixed, documented algorithm, so a split
/// made from a seed is the same on every runtime version, unlike <see cref="Random"/>'s unspecified one.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong state = seed;

    /// <summary>Next 64 random bits.</summary>
    public ulong Next()
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), by rejection so there is no bias.</summary>
    public int NextBelow(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var limit = ulong.MaxValue - ulong.MaxValue % (ulong)bound;
        ulong draw;
        do
        {
            draw = Next();
        }
        while (draw >= limit);

        return (int)(draw % (ulong)bound);
    }
}
