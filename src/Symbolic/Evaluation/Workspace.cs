namespace Sweep.Symbolic;

/// <summary>
/// Scratch memory for one worker thread: a column of <see cref="BatchRows"/> values per program
/// node, plus a full-length output buffer. Reused across evaluations so none allocates.
/// </summary>
internal sealed class Workspace
{
    /// <summary>Rows evaluated per batch; 512 doubles per node keep a 50-node program within L2.</summary>
    public const int BatchRows = 512;

    [ThreadStatic]
    private static Workspace? _current;

    private AlignedArray _scratch = new(64 * BatchRows);
    private AlignedArray _output = new(1024);
    private AlignedArray _second = new(1024);
    private AlignedArray _adjoint = new(64 * BatchRows);
    private AlignedArray _jacobian = new(1024);
    private int[] _stack = new int[64];

    /// <summary>The calling thread's workspace.</summary>
    public static Workspace Current => _current ??= new Workspace();

    /// <summary>Scratch for <paramref name="nodes"/> node columns of one batch.</summary>
    public Span<double> Scratch(int nodes)
    {
        if (_scratch.Length < nodes * BatchRows)
        {
            _scratch = new AlignedArray(nodes * BatchRows * 2);
        }

        return _scratch.Span;
    }

    /// <summary>Scratch for the adjoints of <paramref name="nodes"/> node columns of one batch.</summary>
    public Span<double> Adjoint(int nodes)
    {
        if (_adjoint.Length < nodes * BatchRows)
        {
            _adjoint = new AlignedArray(nodes * BatchRows * 2);
        }

        return _adjoint.Span;
    }

    /// <summary>A column-major Jacobian of <paramref name="rows"/> × <paramref name="columns"/>.</summary>
    public Span<double> Jacobian(int rows, int columns)
    {
        if (_jacobian.Length < rows * columns)
        {
            _jacobian = new AlignedArray(rows * columns);
        }

        return _jacobian.Slice(0, rows * columns);
    }

    /// <summary>An operand stack for programs of up to <paramref name="nodes"/> nodes.</summary>
    public Span<int> Stack(int nodes)
    {
        if (_stack.Length < nodes)
        {
            _stack = new int[nodes * 2];
        }

        return _stack;
    }

    /// <summary>A buffer of <paramref name="rows"/> values for a program's predictions.</summary>
    public Span<double> Output(int rows)
    {
        if (_output.Length < rows)
        {
            _output = new AlignedArray(rows);
        }

        return _output.Slice(0, rows);
    }

    /// <summary>A second buffer of <paramref name="rows"/> values (used by constant fitting).</summary>
    public Span<double> Second(int rows)
    {
        if (_second.Length < rows)
        {
            _second = new AlignedArray(rows);
        }

        return _second.Slice(0, rows);
    }
}
