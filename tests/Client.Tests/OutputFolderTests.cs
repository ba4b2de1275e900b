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
}
