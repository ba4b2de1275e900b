using Sweep.Symbolic.Bench;

// Benchmarks of the symbolic-regression engine; docs/benchmarks.md records the figures.
string[] common = ["--datasets"];
string[] fitting = [.. common, "--seeds", "--first-seed", "--evaluations", "--set", "--refit", "--select"];
var commands = new Dictionary<string, (string[] Options, Func<BenchArguments, int> Run, string Help)>
{
    ["eval"] = ([], EvaluationBenchmark.Run,
        "node evaluations per second, one core and all cores, beside a SIMD add loop"),
    ["feynman"] = (fitting, FeynmanBenchmark.Run,
        "share of the 20 simplest Feynman equations solved at 200,000 evaluations"),
    ["pmlb"] = ([.. fitting, "--max-rows", "--only", "--fits"], BlackBoxBenchmark.Run,
        "median test R² and size on the PMLB sets beside SRBench 2021 medians"),
};

if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
{
    return Usage(args.FirstOrDefault() is { } unknown and not ("--help" or "-h") ? unknown : null);
}

try
{
    return command.Run(BenchArguments.Parse(args[1..], command.Options));
}
catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

int Usage(string? unknown)
{
    if (unknown is not null)
    {
        Console.Error.WriteLine($"error: unknown benchmark '{unknown}'.");
    }

    Console.Error.WriteLine("usage: dotnet run -c Release --project src/Symbolic.Bench -- COMMAND [options]");
    foreach (var (name, (options, _, help)) in commands)
    {
        Console.Error.WriteLine($"  {name,-8} {help}");
        Console.Error.WriteLine($"           options: {(options.Length == 0 ? "none" : string.Join(" ", options))}");
    }

    Console.Error.WriteLine("Options take one value each: --datasets DIR, --seeds N, --first-seed N (seeds N,");
    Console.Error.WriteLine("N + 1, ...; default 1), --evaluations N (total per fit), --set Name=Value (a");
    Console.Error.WriteLine("SymbolicOptions setting), --refit on|off (default on), --select aicc|validation");
    Console.Error.WriteLine("(model-selection rule; default aicc), --max-rows N (training rows), --only a,b (data");
    Console.Error.WriteLine("sets by catalog name), --fits FILE (one row per data set and seed).");
    return unknown is null && args.Length > 0 ? 0 : 2;
}
