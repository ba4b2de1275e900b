namespace Sweep.Datasets;

/// <summary>What a single field of a data file holds.</summary>
internal enum CellKind
{
    /// <summary>A finite number.</summary>
    Number,

    /// <summary>No value: empty, NaN, NA, N/A, ?, null or none (any letter case).</summary>
    Missing,

    /// <summary>An infinite value, written as such or too large for a double (beyond about 1.8e308).</summary>
    Infinite,

    /// <summary>Anything else: text that is not a number.</summary>
    Text,
}
