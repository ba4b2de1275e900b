using System.Text.RegularExpressions;
using Sweep.Datasets;

namespace Sweep.Integration.Tests.Embedded;

/// <summary>
/// <c>sweep run</c> on benchmarks given as files, with the hard input files of <c>../shared/cases</c>.
/// </summary>
public sealed class DataFileRunTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    private static readonly string Cases = Path.GetFullPath(
        Path.Combine(DatasetsFolder.FindRepositoryRoot()!, "..", "shared", "cases"));

    [Fact]
    public async Task A_spec_of_files_runs_without_a_data_folder_and_says_once_which_rows_it_dropped()
    {
        using var folder = new TemporaryFolder();
        var file = Path.Combine(Cases, "missing_cells.csv");
        var spec = folder.Write("cells.yaml", $"""
            name: cells
            benchmarks:
              - name: cells
                path: {file}
                drop_missing: true
            lambdas: [0, 0.1]
            seeds: [1]
            teacher: {"{"} hidden: [8], epochs: 20 {"}"}
            student: {"{"} islands: 2, population: 30, generations: 4, migration_interval: 2, max_size: 12 {"}"}
            """);

        using var run = SweepProcess.Start("run", spec, "--out", Path.Combine(folder.Path, "out"),
            "--datasets", Path.Combine(folder.Path, "no-such-data-folder"));

        Assert.Equal(0, await run.WaitAsync(Limit));
        var warning = $"warning: benchmark 'cells': {file}: dropped 2 rows with missing cells (lines 19, 90)";
        Assert.Single(Regex.Matches(run.Output, Regex.Escape(warning)));
    }

    [Fact]
    public async Task Problems_of_the_data_files_are_reported_with_an_invalid_value_of_the_spec_and_exit_2()
    {
        using var folder = new TemporaryFolder();
        var constant = Path.Combine(Cases, "constant_target.csv");
        var duplicate = Path.Combine(Cases, "duplicate_columns.csv");
        var spec = folder.Write("both.yaml", $"""
            name: both
            benchmarks:
              - path: {constant}
              - path: {duplicate}
            lambdas: [0, -1]
            seeds: [1]
            """);

        using var run = SweepProcess.Start("run", spec, "--out", Path.Combine(folder.Path, "out"));

        Assert.Equal(2, await run.WaitAsync(Limit));
        var lines = run.Output.Trim().Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Equal("error: 3 problems:", lines[0]);
        Assert.Equal($"  {spec}:5:14: lambdas[2] must be a finite number of at least 0, not -1", lines[1]);
        Assert.StartsWith($"  benchmark 'constant_target': {constant}: column 'y': the target is constant", lines[2]);
        Assert.StartsWith($"  benchmark 'duplicate_columns': {duplicate}:1: column 'x': the name appears 2 times",
            lines[3]);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "out")));
    }
}
