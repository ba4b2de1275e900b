using System.Diagnostics;

namespace Sweep.Symbolic;

/// <summary>
/// One island of the island model: a population evolved by generational replacement with
/// elitism. Each offspring comes from tournament selection, then subtree crossover and/or one
/// mutation, is scored by scaled MSE and sometimes has its constants fitted. A hall of fame keeps
/// the best program of every size; the island's front is derived from it.
/// </summary>
/// <remarks>
/// Every random choice comes from the island's seed: each generation draws one seed per
/// offspring from the island stream, so results do not depend on thread scheduling when
/// <see cref="SymbolicOptions.Parallelism"/> is above 1. Not thread-safe: run one epoch at a time.
/// </remarks>
public sealed class Island
{
    /// <summary>Levenberg–Marquardt iterations for each seeded linear model.</summary>
    private const int SeedFitIterations = 20;

    private readonly SymbolicOptions _options;
    private readonly ProblemData _data;
    private readonly SearchSpace _space;
    private readonly Rng _rng;
    private readonly HallOfFame _hall;
    private readonly Stopwatch _clock = new();
    private Individual[] _population = [];
    private IReadOnlyList<FrontEntry> _front = [];

    /// <exception cref="ArgumentException">The options do not validate; the message lists every problem.</exception>
    public Island(SymbolicOptions options, ProblemData data, int seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid symbolic-regression options: " + string.Join("; ", problems));
        }

        _options = options;
        _data = data;
        _space = new SearchSpace(options, data.Features);
        _rng = new Rng(seed);
        _hall = new HallOfFame(options.MaxSize, options.IntervalCheck ? Intervals.Box(data) : null);
    }

    /// <summary>Program evaluations spent so far (constant fitting and front building included).</summary>
    public long Evaluations { get; private set; }

    /// <summary>Generations completed so far.</summary>
    public int GenerationsDone { get; private set; }

    /// <summary>True once a generation, evaluation or time budget is spent.</summary>
    public bool Finished =>
        GenerationsDone >= _options.Generations
        || (_options.MaxEvaluations > 0 && Evaluations >= _options.MaxEvaluations)
        || (_options.MaxSeconds > 0 && _clock.Elapsed.TotalSeconds >= _options.MaxSeconds);

    /// <summary>
    /// Accepts immigrants, evolves up to <see cref="SymbolicOptions.MigrationInterval"/> generations
    /// (fewer when a budget runs out, none when already finished) and reports emigrants and front.
    /// Immigrants that break this island's limits or use features it lacks are ignored.
    /// </summary>
    /// <exception cref="OperationCanceledException">
    /// <paramref name="ct"/> was cancelled (checked before each generation).
    /// </exception>
    public EpochReport RunEpoch(IReadOnlyList<Expression> immigrants, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(immigrants);
        _clock.Start();
        try
        {
            if (_population.Length == 0)
            {
                Initialize();
            }

            Welcome(immigrants);
            for (var g = 0; g < _options.MigrationInterval && !Finished; g++)
            {
                ct.ThrowIfCancellationRequested();
                NextGeneration();
            }

            var evaluations = Evaluations;
            _front = _hall.Front(_data, Workspace.Current, ref evaluations);
            Evaluations = evaluations;
            return new EpochReport(ChooseEmigrants(), _front, Evaluations, GenerationsDone, Finished);
        }
        finally
        {
            _clock.Stop();
        }
    }

    private void Initialize()
    {
        _population = Breed(_options.Population, (rng, _) =>
        {
            var nodes = TreeBuilder.Random(_space, rng, _options.MaxSize);
            return (new Individual(nodes, Fitness.Score(nodes, _data, Workspace.Current), 0), 1L);
        });
        if (_options.LinearSeeds)
        {
            Seed();
        }
    }

    /// <summary>Puts the linear path of <see cref="LinearSeeds"/> in place of the worst random programs.</summary>
    private void Seed()
    {
        var (seeds, evaluations) = LinearSeeds.Build(_data, _space, SeedFitIterations, Workspace.Current);
        Evaluations += evaluations;
        var worst = Enumerable.Range(0, _population.Length)
            .OrderByDescending(i => _population[i], Comparer<Individual>.Create(Compare))
            .Take(Math.Min(seeds.Count, _population.Length - 1)).ToArray();
        foreach (var (slot, seed) in worst.Zip(seeds))
        {
            _population[slot] = seed;
            _hall.Add(seed);
        }
    }

    private void NextGeneration()
    {
        var ranked = _population.Order(Comparer<Individual>.Create(Compare)).ToArray();
        var offspring = Breed(_options.Population - _options.Elites, Offspring);
        _population = [.. ranked.Take(_options.Elites), .. offspring];
        GenerationsDone++;
    }

    /// <summary>
    /// Creates <paramref name="count"/> individuals, each from its own seeded stream, in parallel
    /// when allowed; adds their costs to <see cref="Evaluations"/> and offers them to the hall of fame.
    /// </summary>
    private Individual[] Breed(int count, Func<Rng, Individual[], (Individual Child, long Cost)> make)
    {
        var seeds = new long[count];
        for (var k = 0; k < count; k++)
        {
            seeds[k] = _rng.NextSeed();
        }

        var parents = _population;
        var children = new Individual[count];
        var costs = new long[count];
        if (_options.Parallelism <= 1)
        {
            for (var k = 0; k < count; k++)
            {
                (children[k], costs[k]) = make(new Rng(seeds[k]), parents);
            }
        }
        else
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism };
            Parallel.For(0, count, parallel, k => (children[k], costs[k]) = make(new Rng(seeds[k]), parents));
        }

        foreach (var child in children)
        {
            _hall.Add(child);
        }

        Evaluations += costs.Sum();
        return children;
    }

    private (Individual Child, long Cost) Offspring(Rng rng, Individual[] parents)
    {
        var first = Selection.Tournament(parents, _options.TournamentSize, rng);
        var nodes = first.Nodes;
        var varied = false;
        if (rng.Chance(_options.CrossoverProbability))
        {
            var second = Selection.Tournament(parents, _options.TournamentSize, rng);
            nodes = Crossover.Apply(nodes, second.Nodes, _space, rng);
            varied = true;
        }

        if (!varied || rng.Chance(_options.MutationProbability))
        {
            nodes = Mutation.Apply(Mutation.Choose(_options.MutationWeights, rng), nodes, _space, rng);
        }

        var ws = Workspace.Current;
        var error = Fitness.Score(nodes, _data, ws);
        long cost = 1;
        if (rng.Chance(_options.ConstantFittingProbability))
        {
            var fit = ConstantFitter.Fit(nodes, error, _data, _options.ConstantFittingIterations, ws);
            (nodes, error, cost) = (fit.Nodes, fit.Error, cost + fit.Evaluations);
        }

        return (new Individual(nodes, error, GenerationsDone + 1), cost);
    }

    private void Welcome(IReadOnlyList<Expression> immigrants)
    {
        var arrivals = immigrants
            .Where(e => e.MaxFeature < _data.Features && _space.Fits(e.Nodes))
            .Select(e => new Individual(e.Nodes, Fitness.Score(e.Nodes, _data, Workspace.Current), GenerationsDone))
            .Take(_population.Length - _options.Elites)
            .ToArray();
        if (arrivals.Length == 0)
        {
            return;
        }

        Evaluations += arrivals.Length;
        foreach (var (slot, arrival) in ChooseSlots(arrivals.Length).Zip(arrivals))
        {
            _population[slot] = arrival;
            _hall.Add(arrival);
        }
    }

    private IEnumerable<int> ChooseSlots(int count)
    {
        var slots = Enumerable.Range(0, _population.Length).ToArray();
        switch (_options.Replacement)
        {
            case ImmigrantReplacement.Random:
                for (var k = slots.Length - 1; k > 0; k--)
                {
                    var j = _rng.Next(k + 1);
                    (slots[k], slots[j]) = (slots[j], slots[k]);
                }

                return slots.Take(count);
            case ImmigrantReplacement.Oldest:
                return slots.OrderBy(i => _population[i].Birth)
                    .ThenByDescending(i => _population[i], Comparer<Individual>.Create(Compare)).Take(count);
            default:
                return slots.OrderByDescending(i => _population[i], Comparer<Individual>.Create(Compare)).Take(count);
        }
    }

    private List<Expression> ChooseEmigrants()
    {
        if (_options.Migrants == 0)
        {
            return [];
        }

        if (_options.MigrantSource == MigrantSource.Best)
        {
            return _population.Order(Comparer<Individual>.Create(Compare)).Take(_options.Migrants)
                .Select(i => new Expression(i.Nodes)).ToList();
        }

        var members = _hall.Members.ToArray();
        var emigrants = new List<Expression>(_options.Migrants);
        for (var k = 0; k < _options.Migrants && members.Length > 0; k++)
        {
            emigrants.Add(new Expression(members[_rng.Next(members.Length)].Nodes));
        }

        return emigrants;
    }

    private static int Compare(Individual a, Individual b) =>
        Selection.IsBetter(a, b) ? -1 : Selection.IsBetter(b, a) ? 1 : 0;
}
