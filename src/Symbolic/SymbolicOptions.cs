namespace Sweep.Symbolic;

/// <summary>
/// Every setting of the engine, with its default. A record, so a caller overrides only what it
/// needs: <c>new SymbolicOptions { Population = 50 }</c>. Call <see cref="Validate"/> at start-up;
/// <see cref="Island"/> refuses options that do not validate.
/// </summary>
public sealed record SymbolicOptions
{
    /// <summary>The operators of <see cref="OpCode"/> a search may use by default.</summary>
    public static readonly IReadOnlyList<string> DefaultOperators =
        ["+", "-", "*", "/", "sin", "cos", "exp", "log", "sqrt", "square"];

    /// <summary>Individuals per island.</summary>
    public int Population { get; init; } = 200;

    /// <summary>Generations each island runs in total.</summary>
    public int Generations { get; init; } = 100;

    /// <summary>Most nodes in an evolved program, before linear scaling and simplification.</summary>
    public int MaxSize { get; init; } = 30;

    /// <summary>Most nodes on a root-to-leaf path (a leaf alone has depth 1).</summary>
    public int MaxDepth { get; init; } = 12;

    /// <summary>Operator names (see <see cref="OpCodes.TryParse"/>).</summary>
    public IReadOnlyList<string> Operators { get; init; } = DefaultOperators;

    /// <summary>Generations per epoch; migration happens between epochs.</summary>
    public int MigrationInterval { get; init; } = 10;

    /// <summary>Individuals each island sends per epoch.</summary>
    public int Migrants { get; init; } = 5;

    /// <summary>Where an island's emigrants go (used by <see cref="SymbolicRegressor"/> and the grains).</summary>
    public MigrationTopology Topology { get; init; } = MigrationTopology.Ring;

    /// <summary>Which individuals emigrate.</summary>
    public MigrantSource MigrantSource { get; init; } = MigrantSource.Front;

    /// <summary>Which residents immigrants replace.</summary>
    public ImmigrantReplacement Replacement { get; init; } = ImmigrantReplacement.Worst;

    /// <summary>
    /// Evaluation budget per island, 0 for none. One evaluation is one program run over all
    /// training rows; a Jacobian computed by constant fitting counts as one too.
    /// </summary>
    public long MaxEvaluations { get; init; }

    /// <summary>Wall-time budget per island in seconds of <see cref="Island.RunEpoch"/>, 0 for none.</summary>
    public double MaxSeconds { get; init; }

    /// <summary>Candidates in each selection tournament.</summary>
    public int TournamentSize { get; init; } = 5;

    /// <summary>Best individuals copied unchanged into the next generation.</summary>
    public int Elites { get; init; } = 1;

    /// <summary>Probability that an offspring comes from subtree crossover.</summary>
    public double CrossoverProbability { get; init; } = 0.9;

    /// <summary>
    /// Probability that an offspring is mutated (after crossover, if any). An offspring that
    /// neither crossover nor mutation touched is always mutated, so no generation copies parents.
    /// </summary>
    public double MutationProbability { get; init; } = 0.25;

    /// <summary>Relative weights of the mutations: point, subtree, insert, delete, constant.</summary>
    public IReadOnlyList<double> MutationWeights { get; init; } = [1.0, 1.0, 1.0, 1.0, 1.0];

    /// <summary>Probability that a leaf created at random is a feature rather than a constant.</summary>
    public double VariableProbability { get; init; } = 0.6;

    /// <summary>Probability that an offspring's constants are fitted by Levenberg–Marquardt.</summary>
    public double ConstantFittingProbability { get; init; } = 0.2;

    /// <summary>Most Levenberg–Marquardt iterations per fit.</summary>
    public int ConstantFittingIterations { get; init; } = 10;

    /// <summary>
    /// Whether each island's first generation includes the forward stepwise path of linear models
    /// (x₁, x₁ + c₂·x₂, …; see <c>LinearSeeds</c>) in place of its worst random programs.
    /// </summary>
    public bool LinearSeeds { get; init; } = true;

    /// <summary>
    /// Whether a program enters the hall of fame, and so the front, only if interval arithmetic shows it defined
    /// and bounded over the range of every feature in the training data (<see cref="Intervals"/>), so that no
    /// reported formula has a pole between training rows. The population itself may still hold such programs.
    /// </summary>
    public bool IntervalCheck { get; init; } = true;

    /// <summary>Threads used inside one island to vary and evaluate offspring.</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>Every problem with these options, each naming the setting and its value; empty if valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Require(problems, Population >= 2, $"Population must be at least 2 (got {Population})");
        Require(problems, Generations >= 1, $"Generations must be at least 1 (got {Generations})");
        Require(problems, MaxSize >= 1, $"MaxSize must be at least 1 (got {MaxSize})");
        Require(problems, MaxDepth >= 1, $"MaxDepth must be at least 1 (got {MaxDepth})");
        Require(problems, MigrationInterval >= 1, $"MigrationInterval must be at least 1 (got {MigrationInterval})");
        Require(problems, Migrants >= 0 && Migrants <= Population,
            $"Migrants must be between 0 and Population ({Population}) (got {Migrants})");
        Require(problems, MaxEvaluations >= 0,
            $"MaxEvaluations must be 0 (no limit) or positive (got {MaxEvaluations})");
        Require(problems, MaxSeconds >= 0 && double.IsFinite(MaxSeconds),
            $"MaxSeconds must be 0 (no limit) or a positive number (got {MaxSeconds})");
        Require(problems, TournamentSize >= 1, $"TournamentSize must be at least 1 (got {TournamentSize})");
        Require(problems, Elites >= 0 && Elites < Population,
            $"Elites must be between 0 and Population − 1 ({Population - 1}) (got {Elites})");
        RequireProbability(problems, nameof(CrossoverProbability), CrossoverProbability);
        RequireProbability(problems, nameof(MutationProbability), MutationProbability);
        RequireProbability(problems, nameof(VariableProbability), VariableProbability);
        RequireProbability(problems, nameof(ConstantFittingProbability), ConstantFittingProbability);
        Require(problems, ConstantFittingIterations >= 0,
            $"ConstantFittingIterations must be 0 or more (got {ConstantFittingIterations})");
        Require(problems, Parallelism >= 1, $"Parallelism must be at least 1 (got {Parallelism})");
        Require(problems, MutationWeights is { Count: 5 } && MutationWeights.All(w => w >= 0 && double.IsFinite(w))
            && MutationWeights.Sum() > 0,
            "MutationWeights must hold 5 non-negative weights (point, subtree, insert, delete, constant), not all 0");
        ValidateOperators(problems);
        return problems;
    }

    /// <summary>The operators as op codes; call after <see cref="Validate"/> succeeded.</summary>
    internal OpCode[] OperatorCodes() =>
        Operators.Select(name => OpCodes.TryParse(name, out var op) ? op : throw new ArgumentException(name))
            .Distinct().Order().ToArray();

    private void ValidateOperators(List<string> problems)
    {
        if (Operators is null || Operators.Count == 0)
        {
            problems.Add("Operators must name at least one operator");
            return;
        }

        foreach (var name in Operators)
        {
            Require(problems, OpCodes.TryParse(name, out _),
                $"Operators contains '{name}', which is not one of + - * / pow sin cos exp log sqrt square tanh abs");
        }
    }

    private static void RequireProbability(List<string> problems, string name, double value) =>
        Require(problems, value is >= 0.0 and <= 1.0, $"{name} must be a probability in [0, 1] (got {value})");

    private static void Require(List<string> problems, bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }
}
