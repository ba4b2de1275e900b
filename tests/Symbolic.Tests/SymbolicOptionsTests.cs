namespace Sweep.Symbolic.Tests;

public class SymbolicOptionsTests
{
    [Fact]
    public void The_defaults_validate()
    {
        Assert.Empty(new SymbolicOptions().Validate());
    }

    [Theory]
    [InlineData("Population", "-3")]
    [InlineData("Generations", "0")]
    [InlineData("MaxSize", "0")]
    [InlineData("MaxDepth", "0")]
    [InlineData("MigrationInterval", "0")]
    [InlineData("Migrants", "1000")]
    [InlineData("MaxEvaluations", "-1")]
    [InlineData("MaxSeconds", "-1")]
    [InlineData("TournamentSize", "0")]
    [InlineData("Elites", "200")]
    [InlineData("CrossoverProbability", "1.5")]
    [InlineData("MutationProbability", "-0.1")]
    [InlineData("ConstantFittingProbability", "2")]
    [InlineData("Parallelism", "0")]
    public void Each_bad_value_is_reported_with_its_name_and_value(string name, string value)
    {
        var options = name switch
        {
            "Population" => new SymbolicOptions { Population = int.Parse(value) },
            "Generations" => new SymbolicOptions { Generations = int.Parse(value) },
            "MaxSize" => new SymbolicOptions { MaxSize = int.Parse(value) },
            "MaxDepth" => new SymbolicOptions { MaxDepth = int.Parse(value) },
            "MigrationInterval" => new SymbolicOptions { MigrationInterval = int.Parse(value) },
            "Migrants" => new SymbolicOptions { Migrants = int.Parse(value) },
            "MaxEvaluations" => new SymbolicOptions { MaxEvaluations = long.Parse(value) },
            "MaxSeconds" => new SymbolicOptions { MaxSeconds = double.Parse(value) },
            "TournamentSize" => new SymbolicOptions { TournamentSize = int.Parse(value) },
            "Elites" => new SymbolicOptions { Elites = int.Parse(value) },
            "CrossoverProbability" => new SymbolicOptions { CrossoverProbability = double.Parse(value) },
            "MutationProbability" => new SymbolicOptions { MutationProbability = double.Parse(value) },
            "ConstantFittingProbability" => new SymbolicOptions { ConstantFittingProbability = double.Parse(value) },
            _ => new SymbolicOptions { Parallelism = int.Parse(value) },
        };

        var problems = options.Validate();

        Assert.Contains(problems, p => p.StartsWith(name, StringComparison.Ordinal) && p.Contains($"(got {value})"));
    }

    [Fact]
    public void Unknown_or_missing_operators_are_reported()
    {
        Assert.Contains("'max'", Assert.Single(new SymbolicOptions { Operators = ["+", "max"] }.Validate()));
        Assert.Contains("Operators", Assert.Single(new SymbolicOptions { Operators = [] }.Validate()));
        Assert.Contains("MutationWeights", Assert.Single(new SymbolicOptions { MutationWeights = [1, 1] }.Validate()));
    }
}
