using System.Runtime.InteropServices;

namespace Sweep.Symbolic;

/// <summary>
/// Doubles whose first element lies on a 64-byte boundary (a pinned array with the elements before that
/// boundary left unused). <c>TensorPrimitives</c> starts its vector loops from aligned addresses, and its
/// results depended in the last bit on where a span began: with buffers wherever the garbage collector put
/// them, the same seed gave different fronts from one process to the next (they agreed with hardware
/// intrinsics turned off, and agree since the evaluator's buffers and the data columns come from here).
/// </summary>
internal sealed class AlignedArray
{
    private const int Alignment = 64;

    private readonly double[] _array;
    private readonly int _offset;

    public AlignedArray(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _array = GC.AllocateArray<double>(length + (Alignment / sizeof(double)), pinned: true);
        var address = (long)Marshal.UnsafeAddrOfPinnedArrayElement(_array, 0);
        _offset = (int)((Alignment - (address % Alignment)) % Alignment) / sizeof(double);
        Length = length;
    }

    public int Length { get; }

    public Span<double> Span => _array.AsSpan(_offset, Length);

    public Span<double> Slice(int start, int length) => _array.AsSpan(_offset + start, length);
}
