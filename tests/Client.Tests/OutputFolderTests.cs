using Orleans.Storage;
using Sweep.Grains;
using Sweep.Grains.Sweeps;
using Sweep.Silo.Hosting;
using Sweep.Silo.Storage;

namespace Sweep.Client.Tests;

public sealed class OutputFolderTests
{
    [Fact]
    public void A_new_folder_is_created_and_accepted()
    {
        using var folder = new TemporaryFolder();
        var output = Path.Combine(folder.Path, "runs", "quick");

        Assert.Null(OutputFolder.Problem(output));
        Assert.True(Directory.Exists(output));
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }

    [Fact]
    public void An_existing_file_is_refused_with_the_advice_to_give_a_folder()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("trials.csv", "x");

        var problem = OutputFolder.Problem(file);

        Assert.Equal($"{file}: --out names a file; give a folder (it is created if missing)", problem);
    }

    [Fact]
    public void A_folder_that_cannot_be_created_is_refused_with_the_reason()
    {
        // /proc refuses new entries even to root, so this holds whoever runs the tests.
        var problem = OutputFolder.Problem("/proc/sweep-out");

        Assert.NotNull(problem);
        Assert.StartsWith("/proc/sweep-out: cannot write to this folder (", problem);
    }

    [Fact]
    public void A_folder_with_the_tables_of_another_sweep_is_refused_naming_it_and_the_ways_out()
    {
        using var folder = new TemporaryFolder();
        ResultWriter.Write([Row()], folder.Path, "airfoil-wide");

        var problem = OutputFolder.TablesOfAnotherSweep(folder.Path, "quick");

        Assert.Equal($"{folder.Path} holds trials.csv and summary.csv of the sweep 'airfoil-wide', which the " +
                     "results of 'quick' would replace; pass another --out, or --overwrite to replace them", problem);
        Assert.Equal(["airfoil-wide"], OutputFolder.Owners(folder.Path));
    }

    [Fact]
    public void The_tables_of_the_same_sweep_and_a_folder_without_tables_are_no_obstacle()
    {
        using var folder = new TemporaryFolder();
        Assert.Null(OutputFolder.TablesOfAnotherSweep(folder.Path, "quick"));

        ResultWriter.Write([Row()], folder.Path, "quick");
        Assert.Null(OutputFolder.TablesOfAnotherSweep(folder.Path, "quick"));

        OutputFolder.RemoveTables(folder.Path);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
        Assert.Null(OutputFolder.TablesOfAnotherSweep(folder.Path, "other"));
    }

    [Fact]
    public async Task Tables_written_without_the_file_naming_their_sweep_belong_to_the_sweeps_of_the_state_file()
    {
        using var folder = new TemporaryFolder();
        var storage = new SqliteGrainStorage(Path.Combine(folder.Path, SweepSiloHost.StateFile), new TextSerializer());
        await storage.WriteStateAsync(SweepGrain.StateName, GrainId.Create("sweep", "older"),
            new GrainState<string>("state"));
        await storage.WriteStateAsync("trial", GrainId.Create("trial", "older|1027_ESL|0|1"),
            new GrainState<string>("state"));
        folder.Write(ResultWriter.TrialsFile, "benchmark,lambda,seed,status\n");

        Assert.Equal(["older"], OutputFolder.Owners(folder.Path));
        Assert.Null(OutputFolder.TablesOfAnotherSweep(folder.Path, "older"));
        Assert.StartsWith($"{folder.Path} holds trials.csv of the sweep 'older', which the results of 'quick'",
            OutputFolder.TablesOfAnotherSweep(folder.Path, "quick"));
    }

    [Fact]
    public void Tables_of_no_known_sweep_may_be_replaced_as_before()
    {
        using var folder = new TemporaryFolder();
        folder.Write(ResultWriter.SummaryFile, "benchmark\n");

        Assert.Empty(OutputFolder.Owners(folder.Path));
        Assert.Null(OutputFolder.TablesOfAnotherSweep(folder.Path, "quick"));
    }

    private static TrialResult Row() =>
        new("quick|1027_ESL|0|1", "1027_ESL", 0, 1, TrialStage.Pending, 0, null, null, null);

    /// <summary>Stores a state as its text; the folder check reads only the keys.</summary>
    private sealed class TextSerializer : IGrainStorageSerializer
    {
        public BinaryData Serialize<T>(T? input) => BinaryData.FromString(input?.ToString() ?? string.Empty);

        public T Deserialize<T>(BinaryData input) => (T)(object)input.ToString();
    }
}
