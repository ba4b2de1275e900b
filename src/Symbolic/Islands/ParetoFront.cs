namespace Sweep.Symbolic;

/// <summary>The non-dominated set of programs by (size, error): smaller and more accurate is better.</summary>
public static class ParetoFront
{
    /// <summary>
    /// Keeps each entry that no other entry beats on both size and error, ordered by size. Among
    /// equal (size, error) pairs the first given wins, so merging fronts in a fixed island order
    /// is deterministic. Entries with non-finite error are dropped.
    /// </summary>
    public static IReadOnlyList<FrontEntry> Merge(IEnumerable<FrontEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var front = new List<FrontEntry>();
        var best = double.PositiveInfinity;
        foreach (var entry in entries.Where(e => double.IsFinite(e.Error)).OrderBy(e => e.Size).ThenBy(e => e.Error))
        {
            if (entry.Error < best)
            {
                front.Add(entry);
                best = entry.Error;
            }
        }

        return front;
    }
}
