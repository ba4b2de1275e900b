namespace Sweep.Experiment.Tests.Specs;

public class SpecComparisonTests
{
    private const string Stored = """
        name: quick
        benchmarks:
          - airfoil_self_noise
          - name: mine
            path: data/mine.csv
            drop_columns: [label, id]
        lambdas: [0, 0.001]
        seeds: [1, 2]
        teacher: { hidden: [64, 64], activation: tanh, learning_rate: 0.01 }
        student: { islands: 4, operators: [+, "*", sin] }
        """;

    private static string? Difference(string here, string stored = Stored) =>
        SpecComparison.FirstDifference(here, "/a/spec.yaml", stored, "/a/spec.yaml");

    [Fact]
    public void A_spec_with_a_comment_added_is_the_same_sweep()
    {
        var here = "# the quick sweep, run again\n" + Stored.Replace("seeds: [1, 2]", "seeds: [1, 2]  # two");

        Assert.Null(Difference(here));
    }

    [Fact]
    public void Numbers_written_differently_are_the_same_sweep()
    {
        var here = Stored.Replace("[0, 0.001]", "[0.0, 1e-3]").Replace("learning_rate: 0.01", "learning_rate: 1E-2");

        Assert.Null(Difference(here));
    }

    [Fact]
    public void Keys_in_another_order_and_another_layout_are_the_same_sweep()
    {
        const string here = """
            seeds:
              - 1
              - 2
            student:
              operators: ["+", "*", "sin"]
              islands: 4
            teacher:
              learning_rate: 0.01
              activation: TANH
              hidden: [64, 64]
            lambdas: [0, 0.001]
            benchmarks: [airfoil_self_noise, {drop_columns: [id, label], path: data/mine.csv, name: mine}]
            name: quick
            """;

        Assert.Null(Difference(here));
    }

    [Fact]
    public void An_exact_copy_in_another_folder_is_the_same_sweep()
    {
        Assert.Null(SpecComparison.FirstDifference(Stored, "/b/copy.yaml", Stored, "/a/spec.yaml"));
    }

    [Fact]
    public void Different_lambdas_are_another_sweep_and_the_difference_names_them()
    {
        var here = Stored.Replace("[0, 0.001]", "[0, 0.01]");

        Assert.Equal("lambdas: [0, 0.01] here, [0, 0.001] stored", Difference(here));
    }

    [Fact]
    public void The_first_differing_setting_is_named_in_the_spec_order()
    {
        var here = Stored.Replace("seeds: [1, 2]", "seeds: [2, 1]").Replace("islands: 4", "islands: 2");

        Assert.Equal("seeds: [2, 1] here, [1, 2] stored", Difference(here));
    }

    [Fact]
    public void A_setting_written_out_differs_from_one_left_out()
    {
        var here = Stored.Replace("islands: 4,", "islands: 4, generations: 40,");

        Assert.Equal("student.generations: 40 here, not given stored", Difference(here));
    }

    [Fact]
    public void A_changed_benchmark_path_is_named_with_its_benchmark()
    {
        var here = Stored.Replace("data/mine.csv", "data/other/mine.csv");

        Assert.Equal("benchmarks.mine.path: data/other/mine.csv here, data/mine.csv stored", Difference(here));
    }

    [Fact]
    public void Another_benchmark_list_is_named_as_a_whole()
    {
        var here = Stored.Replace("airfoil_self_noise", "concrete_strength");

        Assert.Equal("benchmarks: [concrete_strength, mine] here, [airfoil_self_noise, mine] stored",
            Difference(here));
    }
}
