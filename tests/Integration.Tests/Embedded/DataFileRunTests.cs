using System.Text.RegularExpressions;
using Sweep.Datasets;

namespace Sweep.Integration.Tests.Embedded;

/// <summary><c>sweep run</c> on benchmarks given as files, with the hard input files of <c>../shared/cases</c>.</summary>
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
}
