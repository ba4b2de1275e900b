namespace Sweep.Client.Tests;

public sealed class SweepPreparationTests
{
    private const string NoDataFolder = "/nonexistent/sweep-datasets";

    [Fact]
    public void A_spec_whose_benchmarks_all_give_a_path_needs_no_data_folder()
    {
        using var folder = new TemporaryFolder();
        var spec = folder.Write("paths.yaml", $"""
            name: paths
            benchmarks:
              - name: overflow
                path: {SharedFolders.Case("overflow_row.csv")}
            lambdas: [0]
            seeds: [1]
            """);

        var prepared = SweepPreparation.Prepare(spec, NoDataFolder);

        Assert.Single(prepared.Request.Trials);
        Assert.Equal("overflow", prepared.Request.Trials[0].Benchmark);
    }

    [Fact]
    public void A_missing_data_folder_is_reported_together_with_the_errors_of_the_spec()
    {
        using var folder = new TemporaryFolder();
        var spec = folder.Write("bad.yaml", """
            name: bad
            benchmarks: [1027_ESL]
            lambdas: [-1]
            seeds: [1]
            """);

        var error = Assert.Throws<InvalidSweepException>(() => SweepPreparation.Prepare(spec, NoDataFolder));

        Assert.Contains(error.Problems, p => p.Contains(NoDataFolder) && p.Contains("does not exist"));
        Assert.Contains(error.Problems, p => p.Contains("bad.yaml:3:") && p.Contains("lambdas"));
    }

    [Theory]
    [InlineData("name: x\nbenchmarks: [1027_ESL\nlambdas: [0]\nseeds: [1]\n", 2, 13,
        "not valid YAML: this '[' is never closed (a ']' is missing)")]
    [InlineData("name: x\nbenchmarks:\n\t- 1027_ESL\nlambdas: [0]\nseeds: [1]\n", 3, 1,
        "not valid YAML: While scanning a mapping, found invalid tab as indentation.")]
    public void A_yaml_syntax_error_is_one_problem_at_its_line_and_column(
        string yaml, int line, int column, string message)
    {
        using var folder = new TemporaryFolder();
        var spec = folder.Write("syntax.yaml", yaml);

        var error = Assert.Throws<InvalidSweepException>(() => SweepPreparation.Prepare(spec, SharedFolders.Datasets));

        Assert.Equal($"{spec}:{line}:{column}: {message}", Assert.Single(error.Problems));
    }

    [Fact]
    public void A_spec_with_errors_and_only_path_benchmarks_is_not_blamed_for_the_data_folder()
    {
        using var folder = new TemporaryFolder();
        var spec = folder.Write("bad.yaml", $"""
            name: bad
            benchmarks:
              - path: {SharedFolders.Case("overflow_row.csv")}
            lambdas: [-1]
            seeds: [1]
            """);

        var error = Assert.Throws<InvalidSweepException>(() => SweepPreparation.Prepare(spec, NoDataFolder));

        Assert.DoesNotContain(error.Problems, p => p.Contains(NoDataFolder));
        Assert.Single(error.Problems);
    }

    [Fact]
    public void The_data_files_of_a_spec_with_an_invalid_value_are_checked_in_the_same_pass()
    {
        using var folder = new TemporaryFolder();
        var constant = SharedFolders.Case("constant_target.csv");
        var duplicate = SharedFolders.Case("duplicate_columns.csv");
        var oneRow = SharedFolders.Case("one_row.csv");
        var spec = folder.Write("both.yaml", $"""
            name: both
            benchmarks:
              - path: {constant}
              - path: {duplicate}
              - path: {oneRow}
            lambdas: [0, -1]
            seeds: [1]
            """);

        var error = Assert.Throws<InvalidSweepException>(() => SweepPreparation.Prepare(spec, NoDataFolder));

        Assert.Equal(4, error.Problems.Count);
        Assert.Equal($"{spec}:6:14: lambdas[2] must be a finite number of at least 0, not -1", error.Problems[0]);
        Assert.StartsWith($"benchmark 'constant_target': {constant}: column 'y': the target is constant",
            error.Problems[1]);
        Assert.StartsWith($"benchmark 'duplicate_columns': {duplicate}:1: column 'x': the name appears 2 times",
            error.Problems[2]);
        Assert.StartsWith($"benchmark 'one_row' (seed 1): {oneRow}", error.Problems[3]);
    }

    [Fact]
    public void A_benchmark_file_that_is_missing_does_not_hide_an_unknown_target_of_another()
    {
        using var folder = new TemporaryFolder();
        var absent = Path.Combine(folder.Path, "absent.csv");
        var present = SharedFolders.Case("overflow_row.csv");
        var spec = folder.Write("target.yaml", $"""
            name: target
            benchmarks:
              - path: {absent}
              - path: {present}
                target: nope
            lambdas: [0]
            seeds: [1]
            """);

        var error = Assert.Throws<InvalidSweepException>(() => SweepPreparation.Prepare(spec, SharedFolders.Datasets));

        Assert.Equal(
        [
            $"{spec}:3:11: benchmarks[1].path: no file at {absent}",
            $"benchmark 'overflow_row': {present}:1: column 'nope': the target column is not in the file; " +
            "columns are: x, y",
        ], error.Problems);
    }

    [Fact]
    public void Rows_dropped_for_missing_cells_come_back_as_one_warning_naming_the_benchmark_file_and_lines()
    {
        using var folder = new TemporaryFolder();
        var file = SharedFolders.Case("missing_cells.csv");
        var spec = folder.Write("drop.yaml", $"""
            name: drop
            benchmarks:
              - name: cells
                path: {file}
                drop_missing: true
            lambdas: [0, 0.1]
            seeds: [1, 2]
            """);

        var prepared = SweepPreparation.Prepare(spec, NoDataFolder);

        var warning = Assert.Single(prepared.Warnings);
        Assert.Equal($"benchmark 'cells': {file}: dropped 2 rows with missing cells (lines 19, 90)", warning);
    }
}
