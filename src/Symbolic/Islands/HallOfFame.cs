namespace Sweep.Symbolic;

/// <summary>
/// The best program an island has seen at each size, kept across generations, and the Pareto
/// front derived from it. Final forms (linear scaling built in, simplified, error re-measured)
/// are computed only for slots that changed since the last front.
/// </summary>
internal sealed class HallOfFame
{
    private readonly Individual?[] _bySize;
    private readonly FrontEntry?[] _final;
    private readonly Interval[]? _box;

    /// <param name="maxSize">The largest program size kept.</param>
    /// <param name="box">
    /// When given, a program is kept only if <see cref="Intervals"/> shows it defined over these feature ranges.
    /// </param>
    public HallOfFame(int maxSize, Interval[]? box = null)
    {
        _bySize = new Individual?[maxSize + 1];
        _final = new FrontEntry?[maxSize + 1];
        _box = box;
    }

    /// <summary>The stored programs, smallest first.</summary>
    public IEnumerable<Individual> Members => _bySize.OfType<Individual>();

    /// <summary>
    /// Offers a program; it is kept when it beats the one stored at its size and, with a box, is defined on it.
    /// </summary>
    public void Add(Individual candidate)
    {
        if (!double.IsFinite(candidate.Error) || candidate.Size >= _bySize.Length)
        {
            return;
        }

        var held = _bySize[candidate.Size];
        if ((held is null || candidate.Error < held.Error)
            && (_box is null || Intervals.Bound(candidate.Nodes, _box) is not null))
        {
            _bySize[candidate.Size] = candidate;
            _final[candidate.Size] = null;
        }
    }

    /// <summary>The Pareto front of final programs; adds its cost to <paramref name="evaluations"/>.</summary>
    public IReadOnlyList<FrontEntry> Front(ProblemData data, Workspace ws, ref long evaluations)
    {
        for (var size = 1; size < _bySize.Length; size++)
        {
            if (_bySize[size] is { } member && _final[size] is null)
            {
                _final[size] = Finalize(member.Nodes, data, ws);
                evaluations += 2;
            }
        }

        return ParetoFront.Merge(_final.OfType<FrontEntry>());
    }

    /// <summary>
    /// Builds a·f + b with the optimal scaling, simplifies it and measures its plain MSE. The entry's size stays
    /// that of f, the program the search evolved under the size limit.
    /// </summary>
    internal static FrontEntry Finalize(Node[] nodes, ProblemData data, Workspace ws)
    {
        var f = ws.Output(data.Rows);
        var valid = Evaluator.Run(nodes, data, f, ws);
        var a = 0.0;
        var b = 0.0;
        var scaledError = valid ? LinearScaling.Mse(f, data, out a, out b) : double.PositiveInfinity;
        if (!double.IsFinite(scaledError))
        {
            return new FrontEntry(new Expression(nodes), nodes.Length, double.PositiveInfinity);
        }

        var final = Simplifier.WithScaling(nodes, a, b);
        valid = Evaluator.Run(final, data, f, ws);
        var error = valid ? LinearScaling.PlainMse(f, data.Target) : double.PositiveInfinity;
        return new FrontEntry(new Expression(final), nodes.Length, error);
    }
}
