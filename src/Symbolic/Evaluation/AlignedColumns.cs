using System.Runtime.InteropServices;

namespace Sweep.Symbolic;

/// <summary>
/// Doubles in columns that each start on a 64-byte boundary, in an array that the garbage collector
/// never moves (the pinned object heap).
/// </summary>
/// <remarks>
/// Why: <c>TensorPrimitives</c> computes the first and last elements of a span by a different path
/// than the rest, and which elements those are depends on where the span lies in memory. For the
/// transcendental operators the two paths can differ in the last bit (sin on 180 values at four
/// different offsets disagreed in about one value of 2,000). An evolutionary search turns such a bit
/// into a different population, so the same seed gave different fronts on different threads or in
/// different runs. With every column at the same alignment, each element always takes the same path.
/// Batches start at multiples of <see cref="Workspace.BatchRows"/> rows (a multiple of eight doubles),
/// so every slice the evaluator hands to <c>TensorPrimitives</c> starts aligned as well.
/// </remarks>
internal sealed class AlignedColumns
{
    /// <summary>Bytes of alignment: a cache line, also the width of the widest vector registers.</summary>
    public const int Alignment = 64;

    private const int DoublesPerLine = Alignment / sizeof(double);

    private readonly double[] _array;
    private readonly int _offset;

    /// <summary>
    /// Room for <paramref name="columns"/> columns of <paramref name="length"/> doubles each, zeroed.
    /// </summary>
    public AlignedColumns(int columns, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Columns = columns;
        Length = length;
        Stride = (length + DoublesPerLine - 1) / DoublesPerLine * DoublesPerLine;
        _array = GC.AllocateArray<double>(checked((columns * Stride) + DoublesPerLine), pinned: true);
        var misalignment = (int)(Marshal.UnsafeAddrOfPinnedArrayElement(_array, 0) % Alignment) / sizeof(double);
        _offset = misalignment == 0 ? 0 : DoublesPerLine - misalignment;
    }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Doubles in each column.</summary>
    public int Length { get; }

    /// <summary>Distance in doubles between the starts of two neighbouring columns (a multiple of eight).</summary>
    public int Stride { get; }

    /// <summary>Column <paramref name="index"/>, <see cref="Length"/> doubles starting on a 64-byte boundary.</summary>
    public Span<double> Column(int index) => _array.AsSpan(_offset + (index * Stride), Length);

    /// <summary>All columns and the padding between them, starting on a 64-byte boundary.</summary>
    public Span<double> All => _array.AsSpan(_offset, Columns * Stride);
}
