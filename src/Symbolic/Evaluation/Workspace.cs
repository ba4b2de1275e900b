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

    private AlignedColumns _scratch = new(64, BatchRows);
    private double[] _output = new double[1024];
    private double[] _second = new double[1024];
    private double[] _adjoint = new double[64 * BatchRows];
    private double[] _jacobian = new double[1024];
    private int[] _stack = new int[64];

    /// <summary>The calling thread's workspace.</summary>
    public static Workspace Current => _current ??= new Workspace();

    /// <summary>
    /// Scratch for <paramref name="nodes"/> node columns of one batch, node i at i · <see cref="BatchRows"/>;
    /// every column starts on a 64-byte boundary (see <see cref="AlignedColumns"/> for why that matters).
    /// </summary>
    public Span<double> Scratch(int nodes)
    {
        if (_scratch.Columns < nodes)
        {
            _scratch = new AlignedColumns(nodes * 2, BatchRows);
        }

        return _scratch.All;
    }

    /// <summary>Scratch for the adjoints of <paramref name="nodes"/> node columns of one batch.</summary>
    public Span<double> Adjoint(int nodes)
    {
        if (_adjoint.Length < nodes * BatchRows)
        {
            _adjoint = new double[nodes * BatchRows * 2];
        }

        return _adjoint;
    }

    /// <summary>A column-major Jacobian of <paramref name="rows"/> × <paramref name="columns"/>.</summary>
    public Span<double> Jacobian(int rows, int columns)
    {
        if (_jacobian.Length < rows * columns)
        {
            _jacobian = new double[rows * columns];
        }

        return _jacobian.AsSpan(0, rows * columns);
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
            _output = new double[rows];
        }

        return _output.AsSpan(0, rows);
    }

    /// <summary>A second buffer of <paramref name="rows"/> values (used by constant fitting).</summary>
    public Span<double> Second(int rows)
    {
        if (_second.Length < rows)
        {
            _second = new double[rows];
        }

        return _second.AsSpan(0, rows);
    }
}
