using Sweep.Symbolic.Bench;

// Benchmarks of the symbolic-regression engine; docs/benchmarks.md records the figures.
//   eval                      node evaluations per second, one core and all cores, beside a SIMD add loop
//   feynman [--seeds N]       share of the 20 simplest Feynman equations solved at 200,000 evaluations
//   pmlb [--seeds N] [--max-rows R] [--only a,b]
//                             median test R² and size on the PMLB sets beside SRBench 2021 medians
// Options common to all: --datasets DIR (default ../shared/datasets beside the repository).
return args.FirstOrDefault() switch
{
    "eval" => EvaluationBenchmark.Run(BenchArguments.Parse(args[1..])),
    "feynman" => FeynmanBenchmark.Run(BenchArguments.Parse(args[1..])),
    "pmlb" => BlackBoxBenchmark.Run(BenchArguments.Parse(args[1..])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project src/Symbolic.Bench -- eval|feynman|pmlb [options]");
    return 2;
}
