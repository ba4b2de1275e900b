namespace Sweep.Symbolic;

/// <summary>Which island receives an island's emigrants.</summary>
public enum MigrationTopology
{
    /// <summary>Island i sends to island (i + 1) mod K.</summary>
    Ring,

    /// <summary>Each epoch, each island sends to another island drawn at random.</summary>
    Random,
}

/// <summary>Which individuals leave an island.</summary>
public enum MigrantSource
{
    /// <summary>Drawn from the island's hall of fame (the best program of each size).</summary>
    Front,

    /// <summary>The island's lowest-error programs.</summary>
    Best,
}

/// <summary>Which residents arriving immigrants replace.</summary>
public enum ImmigrantReplacement
{
    /// <summary>The highest-error residents.</summary>
    Worst,

    /// <summary>The residents born in the earliest generation (ties: the worse first).</summary>
    Oldest,

    /// <summary>Residents drawn at random.</summary>
    Random,
}
