namespace Sweep.Client.Tests;

public sealed class SpecTextTests
{
    [Theory]
    [InlineData("benchmarks:\n  - path: a.csv\n  - {name: b, path: b.csv}\n", false)]
    [InlineData("benchmarks:\n  - path: a.csv\n  - airfoil_self_noise\n", true)]
    [InlineData("benchmarks:\n  - {name: b, target: y}\n", true)]
    [InlineData("lambdas: [0]\n", true)]
    [InlineData("benchmarks: [unclosed\n", true)]
    [InlineData("name: x\nbenchmarks: [1027_ESL\nlambdas: [0]\nseeds: [1]\n", true)]
    [InlineData("name: x\nbenchmarks:\n\t- path: a.csv\n", true)]
    public void Only_a_readable_list_of_path_benchmarks_needs_no_catalog(string yaml, bool mayNeedCatalog)
    {
        using var folder = new TemporaryFolder();

        Assert.Equal(mayNeedCatalog, SpecText.MayNameCatalogBenchmarks(folder.Write("spec.yaml", yaml)));
    }
}
