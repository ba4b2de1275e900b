using System.Globalization;

namespace Sweep.Symbolic.Bench;

/// <summary>The command-line options shared by the benchmarks.</summary>
internal sealed record BenchArguments
{
    public string Datasets { get; init; } = DefaultDatasets();

    public int Seeds { get; init; } = 1;

    /// <summary>The first of the <see cref="Seeds"/> consecutive seeds (<c>--first-seed N</c>).</summary>
    public int FirstSeed { get; init; } = 1;

    public int MaxRows { get; init; } = int.MaxValue;

    public long Evaluations { get; init; }

    public IReadOnlyList<string> Only { get; init; } = [];

    /// <summary>
    /// Whether constants are fitted again on all training rows (fit and validation) before the model is scored
    /// (<c>--refit on|off</c>): every front entry's under <see cref="Selection.Aicc"/>, the chosen model's under
    /// <see cref="Selection.Validation"/>.
    /// </summary>
    public bool Refit { get; init; } = true;

    /// <summary>
    /// How the model is chosen from the front (<c>--select aicc|validation</c>): by AICc on all training rows after
    /// refitting every entry there (<see cref="ModelSelection.SelectByAicc"/>), or by the held-out rows' error
    /// (<see cref="ModelSelection.Select"/>, the sweep's rule).
    /// </summary>
    public Selection Select { get; init; } = Selection.Aicc;

    /// <summary>
    /// File to which the black-box benchmark writes one row per data set and seed (test R², size, formula),
    /// or null for none (<c>--fits FILE</c>).
    /// </summary>
    public string? Fits { get; init; }

    /// <summary>Overrides of engine options, "Name=Value" (e.g. TournamentSize=7).</summary>
    public IReadOnlyList<string> Set { get; init; } = [];

    /// <summary>
    /// <paramref name="options"/> with the <see cref="Set"/> overrides applied; list-valued options
    /// take values separated by ';' (Operators=+;-;*;/).
    /// </summary>
    public SymbolicOptions Apply(SymbolicOptions options)
    {
        var result = options with { };
        foreach (var assignment in Set)
        {
            var parts = assignment.Split('=', 2);
            var property = typeof(SymbolicOptions).GetProperty(parts[0])
                ?? throw new ArgumentException($"SymbolicOptions has no setting named {parts[0]}.");
            object value;
            try
            {
                value = ParseSetting(property.PropertyType, parts.Length > 1 ? parts[1] : "");
            }
            catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
            {
                throw new ArgumentException($"--set {assignment}: {e.Message}");
            }

            property.SetValue(result, value);
        }

        var problems = result.Validate();
        return problems.Count == 0 ? result : throw new ArgumentException(string.Join("; ", problems));
    }

    private static object ParseSetting(Type type, string text) => type switch
    {
        var t when t == typeof(IReadOnlyList<string>) => text.Split(';'),
        var t when t == typeof(IReadOnlyList<double>) =>
            text.Split(';').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray(),
        var t when t.IsEnum => Enum.TryParse(t, text, out var member) && Enum.IsDefined(t, member!)
            && !int.TryParse(text, out _) ? member!
            : throw new FormatException(
                $"'{text}' is not one of {string.Join(", ", Enum.GetNames(t))}."),
        var t => Convert.ChangeType(text, t, CultureInfo.InvariantCulture),
    };

    /// <summary>Whether a <c>--set</c> override names <paramref name="setting"/>.</summary>
    public bool Sets(string setting) => Set.Any(a => a.Split('=', 2)[0] == setting);

    /// <summary>
    /// Reads <c>--name value</c> pairs. Only the options in <paramref name="allowed"/> are accepted, so that an
    /// option a command would ignore is refused instead.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// An option is unknown, not allowed here, lacks its value or has a bad one.
    /// </exception>
    public static BenchArguments Parse(string[] args, IReadOnlyCollection<string> allowed)
    {
        var result = new BenchArguments();
        for (var k = 0; k < args.Length; k += 2)
        {
            if (!allowed.Contains(args[k]))
            {
                throw new ArgumentException(allowed.Count == 0
                    ? $"{args[k]}: this benchmark takes no options."
                    : $"{args[k]} is not an option here; the options are {string.Join(", ", allowed)}.");
            }

            if (k + 1 >= args.Length)
            {
                throw new ArgumentException($"The option {args[k]} needs a value.");
            }

            var value = args[k + 1];
            result = args[k] switch
            {
                "--datasets" => result with { Datasets = value },
                "--seeds" => result with { Seeds = Positive(args[k], value, MaxSeeds) },
                "--first-seed" => result with { FirstSeed = Positive(args[k], value) },
                "--max-rows" => result with { MaxRows = Positive(args[k], value) },
                "--evaluations" => result with { Evaluations = Positive(args[k], value, minimum: MinEvaluations) },
                "--set" => result with { Set = [.. result.Set, value] },
                "--refit" => result with { Refit = value switch
                {
                    "on" => true,
                    "off" => false,
                    _ => throw new ArgumentException($"--refit takes on or off, not {value}."),
                } },
                "--select" => result with { Select = value switch
                {
                    "aicc" => Selection.Aicc,
                    "validation" => Selection.Validation,
                    _ => throw new ArgumentException($"--select takes aicc or validation, not {value}."),
                } },
                "--fits" => result with { Fits = value },
                "--only" => result with { Only = value.Split(',', StringSplitOptions.RemoveEmptyEntries) is
                    { Length: > 0 } names ? names
                    : throw new ArgumentException($"--only takes data set names separated by commas, not '{value}'.") },
                _ => throw new ArgumentException($"Unknown option {args[k]}."),
            };
        }

        if (!File.Exists(Path.Combine(result.Datasets, "catalog.tsv")))
        {
            throw new ArgumentException($"The data sets folder {Path.GetFullPath(result.Datasets)} has no catalog.tsv; "
                + "pass the folder of the shared data sets with --datasets DIR or $SWEEP_DATASETS.");
        }

        if (result.FirstSeed > int.MaxValue - result.Seeds + 1)
        {
            throw new ArgumentException($"--first-seed {result.FirstSeed} with --seeds {result.Seeds} runs past "
                + $"the largest seed, {int.MaxValue}.");
        }

        result.Apply(new SymbolicOptions());
        return result;
    }

    /// <summary>Most seeds one run takes (SRBench ran 10 per set).</summary>
    private const int MaxSeeds = 10_000;

    /// <summary>The smallest total budget: one evaluation for each of the benchmarks' four islands.</summary>
    private const int MinEvaluations = 4;

    private static int Positive(string option, string value, int maximum = int.MaxValue, int minimum = 1) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum
            && n <= maximum ? n
            : throw new ArgumentException($"{option} takes a whole number from {minimum} to {maximum}, not '{value}'.");

    private static string DefaultDatasets()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SWEEP_DATASETS");
        if (fromEnvironment is not null)
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine("..", "shared", "datasets");
    }
}
