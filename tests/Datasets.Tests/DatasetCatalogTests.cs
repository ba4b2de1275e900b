namespace Sweep.Datasets.Tests;

public class DatasetCatalogTests
{
    private static readonly DatasetCatalog Catalog = DatasetCatalog.Load(SharedFolders.Datasets);

    [Fact]
    public void The_catalog_lists_the_33_pmlb_and_8_uci_sets_of_the_data_folder()
    {
        Assert.Equal(41, Catalog.Entries.Count);
        Assert.Equal(33, Catalog.Entries.Count(e => e.Origin == "pmlb"));
        Assert.Equal(8, Catalog.Entries.Count(e => e.Origin == "uci"));
        Assert.True(Catalog.TryGet("concrete_strength", out var concrete));
        Assert.Equal(
            new CatalogEntry("concrete_strength", "concrete_strength/concrete_strength.csv", "compressive_strength",
                1030, 8, "uci"),
            concrete);
        Assert.False(Catalog.TryGet("Concrete_Strength", out _));
    }

    [Fact]
    public void Every_catalog_set_but_auto_mpg_loads_with_the_shape_the_catalog_announces()
    {
        foreach (var entry in Catalog.Entries.Where(e => e.Name != "auto_mpg"))
        {
            var data = DatasetLoader.Load(new BenchmarkSource(entry.Name), SharedFolders.Datasets);

            Assert.Equal((entry.Name, entry.Rows, entry.Features), (entry.Name, data.Rows, data.Features));
            Assert.Equal(entry.Target, data.TargetName);
        }
    }

    [Fact]
    public void A_catalog_with_a_bad_count_and_a_repeated_name_reports_both_with_lines()
    {
        using var folder = new TemporaryFolder();
        folder.Write(
            DatasetCatalog.FileName,
            "name\tfile\ttarget\trows\tcolumns_besides_target\torigin\n"
            + "a\ta.csv\ty\t10\t2\tuci\n"
            + "b\tb.csv\ty\tmany\t2\tuci\n"
            + "a\tc.csv\ty\t10\t2\tuci\n");

        var error = Assert.Throws<DataException>(() => DatasetCatalog.Load(folder.Path));

        Assert.Equal([("rows", 3), ("name", 4)], error.Problems.Select(p => (p.Column!, p.Line!.Value)));
        Assert.Equal("'many' is not a row count", error.Problems[0].Message);
        Assert.Equal("'a' is listed twice", error.Problems[1].Message);
    }

    [Fact]
    public void Suggestions_prefer_names_that_contain_what_was_typed()
    {
        Assert.Equal(["1027_ESL"], Catalog.Suggest("esl"));
        Assert.Equal(["airfoil_self_noise"], Catalog.Suggest("airfoil"));
        Assert.Equal(["boston_housing"], Catalog.Suggest("bostn_housing"));
    }

    [Fact]
    public void A_pmlb_name_is_suggested_for_a_typo_of_it_without_its_number()
    {
        Assert.Equal(["1027_ESL"], Catalog.Suggest("ESK"));
        Assert.Equal(["225_puma8NH"], Catalog.Suggest("puma8hn"));
        Assert.Equal(["561_cpu", "197_cpu_act", "227_cpu_small"], Catalog.Suggest("cpu"));
    }

    [Fact]
    public void A_name_like_no_catalog_name_gets_no_suggestion_but_the_place_of_the_full_list()
    {
        Assert.Empty(Catalog.Suggest("zzzzzzzzzzzzzz"));
        Assert.Empty(Catalog.Suggest("ab"));
        Assert.Empty(Catalog.Suggest("wine_quality_red"));
        Assert.Equal("none is close; the catalog's `name` column lists all 41", Catalog.Hint("wine_quality_red"));
        Assert.Equal("closest: concrete_strength", Catalog.Hint("concrete_strenght"));
    }
}
