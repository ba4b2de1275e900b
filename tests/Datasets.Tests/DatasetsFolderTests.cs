namespace Sweep.Datasets.Tests;

public sealed class DatasetsFolderTests : IDisposable
{
    private readonly TemporaryFolder data = new();

    public DatasetsFolderTests()
    {
        data.Write(DatasetCatalog.FileName, "name\tfile\ttarget\trows\tcolumns_besides_target\torigin\n");
    }

    public void Dispose() => data.Dispose();

    [Fact]
    public void An_explicit_folder_wins_over_the_environment_and_the_repository_default()
    {
        Assert.Equal(data.Path, DatasetsFolder.Resolve(data.Path, "/elsewhere", "/repo"));
    }

    [Fact]
    public void The_environment_variable_wins_over_the_repository_default()
    {
        Assert.Equal(data.Path, DatasetsFolder.Resolve(null, data.Path, "/repo"));
    }

    [Fact]
    public void Without_options_the_folder_beside_the_repository_is_used()
    {
        var root = Path.Combine(data.Path, "checkout");
        Directory.CreateDirectory(root);
        var shared = Path.Combine(data.Path, "shared", "datasets");
        Directory.CreateDirectory(shared);
        File.Copy(Path.Combine(data.Path, DatasetCatalog.FileName), Path.Combine(shared, DatasetCatalog.FileName));

        Assert.Equal(shared, DatasetsFolder.Resolve(null, null, root));
    }

    [Fact]
    public void The_real_repository_resolves_to_the_shared_data_folder()
    {
        var root = DatasetsFolder.FindRepositoryRoot();

        Assert.NotNull(root);
        Assert.True(File.Exists(Path.Combine(root, DatasetsFolder.RepositoryMarker)));
        Assert.Equal(
            Path.GetFullPath(Path.Combine(root, "..", "shared", "datasets")),
            DatasetsFolder.Resolve(null, null, root));
    }

    [Fact]
    public void A_wrong_explicit_folder_is_an_error_and_never_falls_back()
    {
        var missing = Path.Combine(data.Path, "missing");

        var error = Assert.Throws<DataException>(() => DatasetsFolder.Resolve(missing, data.Path, null));

        Assert.Contains($"--datasets: {missing} does not exist", error.Message);
    }

    [Fact]
    public void The_error_names_every_place_considered()
    {
        var root = Path.Combine(data.Path, "nowhere", "repo");

        var error = Assert.Throws<DataException>(() => DatasetsFolder.Resolve(null, "  ", root));

        Assert.Contains("--datasets: not given; SWEEP_DATASETS: not set; ../shared/datasets from ", error.Message);
        var expected = Path.GetFullPath(Path.Combine(root, "..", "shared", "datasets"));
        Assert.Contains($"{expected} does not exist", error.Message);
        Assert.Contains("Pass --datasets DIR or set SWEEP_DATASETS", error.Message);
    }

    [Fact]
    public void A_folder_without_a_catalog_is_refused()
    {
        var empty = Path.Combine(data.Path, "empty");
        Directory.CreateDirectory(empty);

        var error = Assert.Throws<DataException>(() => DatasetsFolder.Resolve(null, empty, null));

        Assert.Contains($"SWEEP_DATASETS: {empty} has no catalog.tsv", error.Message);
    }

    [Fact]
    public void Without_a_repository_root_the_error_says_where_it_looked()
    {
        var error = Assert.Throws<DataException>(() => DatasetsFolder.Resolve(null, null, null));

        Assert.Contains("no Sweep.sln above", error.Message);
    }
}
