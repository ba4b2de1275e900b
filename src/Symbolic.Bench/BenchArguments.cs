using System.Globalization;

namespace Sweep.Symbolic.Bench;

/// <summary>The command-line options shared by the benchmarks.</summary>
internal sealed record BenchArguments
{
    public string Datasets { get; init; } = DefaultDatasets();

    public int Seeds { get; init; } = 1;

    public int MaxRows { get; init; } = int.MaxValue;

    public long Evaluations { get; init; }

    public IReadOnlyList<string> Only { get; init; } = [];

    /// <summary>
    /// Whether the chosen model's constants are fitted again on all training rows (fit and validation)
    /// before it is scored (<c>--refit on|off</c>).
    /// </summary>
    public bool Refit { get; init; } = true;

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
            object value = property.PropertyType switch
            {
                var t when t == typeof(IReadOnlyList<string>) => parts[1].Split(';'),
                var t when t == typeof(IReadOnlyList<double>) =>
                    parts[1].Split(';').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray(),
                var t when t.IsEnum => Enum.Parse(t, parts[1]),
                var t => Convert.ChangeType(parts[1], t, CultureInfo.InvariantCulture),
            };
            property.SetValue(result, value);
        }

        var problems = result.Validate();
        return problems.Count == 0 ? result : throw new ArgumentException(string.Join("; ", problems));
    }

    /// <summary>Whether a <c>--set</c> override names <paramref name="setting"/>.</summary>
    public bool Sets(string setting) => Set.Any(a => a.Split('=', 2)[0] == setting);

    public static BenchArguments Parse(string[] args)
    {
        var result = new BenchArguments();
        for (var k = 0; k < args.Length; k += 2)
        {
            if (k + 1 >= args.Length)
            {
                throw new ArgumentException($"The option {args[k]} needs a value.");
            }

            var value = args[k + 1];
            result = args[k] switch
            {
                "--datasets" => result with { Datasets = value },
                "--seeds" => result with { Seeds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--max-rows" => result with { MaxRows = int.Parse(value, CultureInfo.InvariantCulture) },
                "--evaluations" => result with { Evaluations = long.Parse(value, CultureInfo.InvariantCulture) },
                "--set" => result with { Set = [.. result.Set, value] },
                "--refit" => result with { Refit = value switch
                {
                    "on" => true,
                    "off" => false,
                    _ => throw new ArgumentException($"--refit takes on or off, not {value}."),
                } },
                "--fits" => result with { Fits = value },
                "--only" => result with { Only = value.Split(',', StringSplitOptions.RemoveEmptyEntries) },
                _ => throw new ArgumentException($"Unknown option {args[k]}."),
            };
        }

        return result;
    }

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
