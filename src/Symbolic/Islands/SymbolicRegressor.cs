namespace Sweep.Symbolic;

/// <summary>
/// The single-process island model: K islands run their epochs in parallel threads and exchange
/// emigrants synchronously between epochs (ring or random topology from the options), so the same
/// seed gives the same front. Budgets in the options apply to each island.
/// </summary>
public sealed class SymbolicRegressor
{
    private readonly SymbolicOptions _options;
    private readonly int _islands;
    private readonly int _seed;

    public SymbolicRegressor(SymbolicOptions options, int islands, int seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(islands, 1);
        _options = options;
        _islands = islands;
        _seed = seed;
    }

    /// <summary>Program evaluations spent by all islands in the last <see cref="Fit"/>.</summary>
    public long Evaluations { get; private set; }

    /// <summary>Evolves all islands to the end of their budgets and returns the merged Pareto front.</summary>
    public IReadOnlyList<FrontEntry> Fit(ProblemData train, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        var rng = new Rng(_seed);
        var islands = Enumerable.Range(0, _islands)
            .Select(_ => new Island(_options, train, (int)(rng.NextSeed() >> 33)))
            .ToArray();
        var reports = new EpochReport?[_islands];
        var inbox = Enumerable.Range(0, _islands).Select(_ => (IReadOnlyList<Expression>)[]).ToArray();
        while (islands.Any(i => !i.Finished) || reports.Any(r => r is null))
        {
            var ran = new bool[_islands];
            Parallel.For(0, _islands, k =>
            {
                if (reports[k] is null || !islands[k].Finished)
                {
                    reports[k] = islands[k].RunEpoch(inbox[k], ct);
                    ran[k] = true;
                }
            });

            inbox = Deliver(reports, ran, rng);
        }

        Evaluations = reports.Sum(r => r!.Evaluations);
        return ParetoFront.Merge(reports.SelectMany(r => r!.Front));
    }

    private IReadOnlyList<Expression>[] Deliver(EpochReport?[] reports, bool[] ran, Rng rng)
    {
        var inbox = Enumerable.Range(0, _islands).Select(_ => new List<Expression>()).ToArray();
        for (var k = 0; k < _islands; k++)
        {
            if (!ran[k] || _islands == 1)
            {
                continue;
            }

            var target = _options.Topology == MigrationTopology.Ring
                ? (k + 1) % _islands
                : (k + 1 + rng.Next(_islands - 1)) % _islands;
            inbox[target].AddRange(reports[k]!.Emigrants);
        }

        return inbox;
    }
}
