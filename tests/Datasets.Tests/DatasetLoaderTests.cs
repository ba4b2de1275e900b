namespace Sweep.Datasets.Tests;

public sealed class DatasetLoaderTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    private Dataset LoadText(string text, string? target = null, IReadOnlyList<string>? dropColumns = null) =>
        DatasetLoader.Load(
            new BenchmarkSource("t", folder.Write("t.csv", text), target, false, dropColumns), SharedFolders.Datasets);

    private IReadOnlyList<DataProblem> Problems(string text, string? target = null, IReadOnlyList<string>? drop = null)
    {
        return Assert.Throws<DataException>(() => LoadText(text, target, drop)).Problems;
    }

    [Fact]
    public void A_catalog_entry_loads_with_the_catalog_target_and_the_file_values()
    {
        var data = DatasetLoader.Load(new BenchmarkSource("airfoil_self_noise"), SharedFolders.Datasets);

        Assert.Equal("scaled_sound_pressure_level", data.TargetName);
        Assert.Equal(
            [
                "frequency", "angle_of_attack", "chord_length", "free_stream_velocity",
                "suction_side_displacement_thickness",
            ],
            data.FeatureNames);
        Assert.Equal((1503, 5), (data.Rows, data.Features));
        Assert.Equal([800, 0, 0.3048, 71.3, 0.00266337], data.X[..5]);
        Assert.Equal(126.201, data.Y[0]);
        Assert.EndsWith(Path.Combine("airfoil_self_noise", "airfoil_self_noise.csv"), data.SourcePath);
    }

    [Fact]
    public void A_gzip_compressed_pmlb_file_is_read_tab_separated()
    {
        var data = DatasetLoader.Load(new BenchmarkSource("1027_ESL"), SharedFolders.Datasets);

        Assert.Equal(["in1", "in2", "in3", "in4"], data.FeatureNames);
        Assert.Equal(("target", 488), (data.TargetName, data.Rows));
        Assert.Equal([6.0, 5, 6, 6], data.X[..4]);
        Assert.Equal(6.0, data.Y[0]);
    }

    [Fact]
    public void An_unknown_catalog_name_is_an_error_that_suggests_the_closest_names()
    {
        var error = Assert.Throws<DataException>(() =>
            DatasetLoader.Load(new BenchmarkSource("airfoil"), SharedFolders.Datasets));

        var problem = Assert.Single(error.Problems);
        Assert.EndsWith("catalog.tsv", problem.File);
        Assert.Contains("no benchmark named 'airfoil' in the catalog (closest: airfoil_self_noise);", problem.Message);
    }

    [Fact]
    public void An_unknown_catalog_name_like_none_there_is_an_error_that_points_at_the_catalog_instead()
    {
        var error = Assert.Throws<DataException>(() =>
            DatasetLoader.Load(new BenchmarkSource("wine_quality_red"), SharedFolders.Datasets));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(Path.Combine(SharedFolders.Datasets, DatasetCatalog.FileName), problem.File);
        Assert.Equal("no benchmark named 'wine_quality_red' in the catalog (none is close; the catalog's `name` "
            + "column lists all 41); use a catalog name or give a path", problem.Message);
    }

    [Fact]
    public void A_relative_path_is_resolved_against_the_base_folder()
    {
        folder.WriteGzip("sub/d.tsv.gz", "p\tq\tz\n1\t2\t3\n4\t5\t7\n");

        var source = new BenchmarkSource("d", "sub/d.tsv.gz", "p");

        var data = DatasetLoader.Load(source, SharedFolders.Datasets, folder.Path);

        Assert.Equal(["q", "z"], data.FeatureNames);
        Assert.Equal("p", data.TargetName);
        Assert.Equal([2.0, 3, 5, 7], data.X);
        Assert.Equal([1.0, 4], data.Y);
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_its_full_path()
    {
        var error = Assert.Throws<DataException>(() =>
            DatasetLoader.Load(new BenchmarkSource("d", "nowhere.csv"), SharedFolders.Datasets, folder.Path));

        Assert.Equal($"{Path.Combine(folder.Path, "nowhere.csv")}: file not found", error.Message);
    }

    [Theory]
    [InlineData("y,x,target\n1,2,3\n4,5,7\n", "target")]
    [InlineData("a,y,b\n1,2,3\n4,5,7\n", "y")]
    [InlineData("a,b,c\n1,2,3\n4,5,7\n", "c")]
    public void Without_a_target_a_file_uses_target_then_y_then_the_last_column(string text, string expected)
    {
        Assert.Equal(expected, LoadText(text).TargetName);
    }

    [Fact]
    public void A_named_target_that_the_file_lacks_is_an_error_listing_the_columns()
    {
        var problem = Assert.Single(Problems("a,b\n1,2\n3,4\n", target: "y"));

        Assert.Equal(("y", 1), (problem.Column, problem.Line));
        Assert.Contains("the target column is not in the file; columns are: a, b", problem.Message);
    }

    [Fact]
    public void Dropping_a_column_the_file_lacks_or_the_target_is_an_error()
    {
        var problems = Problems("a,b,y\n1,2,3\n4,5,7\n", target: "y", drop: ["c", "y"]);

        Assert.Equal(["c", "y"], problems.Select(p => p.Column));
        Assert.Contains("drop_columns names a column the file does not have", problems[0].Message);
        Assert.Contains("the target column is also in drop_columns", problems[1].Message);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_is_reported_with_its_line()
    {
        var problem = Assert.Single(Problems("a,b,y\n1,2,3\n1,2\n4,5,6\n"));

        Assert.Equal((null, 3), (problem.Column, problem.Line));
        Assert.Equal("2 fields where the header has 3", problem.Message);
    }

    [Fact]
    public void Line_numbers_count_blank_lines_and_quoted_line_breaks()
    {
        var problems = Problems("a,note,y\n1,\"two\nlines\",2\n\n3,x,oops\n");

        var problem = Assert.Single(problems, p => p.Column == "y");
        Assert.Equal(5, problem.Line);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_change_neither_names_nor_line_numbers()
    {
        var problem = Assert.Single(Problems("\uFEFFa,y\r\n1,2\r\n2,?\r\n3,4\r\n"));

        Assert.Equal(("y", 3), (problem.Column, problem.Line));
        Assert.Equal(["a"], LoadText("\uFEFFa,y\r\n1,2\r\n2,3\r\n").FeatureNames);
    }

    [Fact]
    public void Infinite_and_out_of_range_cells_are_errors_even_with_drop_missing()
    {
        var file = folder.Write("t.csv", "a,y\n1,2\ninf,3\n1e999,4\n5,-Infinity\n");

        var error = Assert.Throws<DataException>(() =>
            DatasetLoader.Load(new BenchmarkSource("t", file, DropMissing: true), SharedFolders.Datasets));

        Assert.Equal([("a", 3), ("a", 4), ("y", 5)], error.Problems.Select(p => (p.Column!, p.Line!.Value)));
        Assert.All(error.Problems, p => Assert.Contains("infinite or out-of-range value", p.Message));
    }

    [Fact]
    public void Every_usual_spelling_of_a_missing_value_counts_as_missing()
    {
        var problems = Problems("a,y\n,1\nNA,2\nn/a,3\n?,4\nnull,5\nnan,6\n7,8\n");

        Assert.Equal([2, 3, 4, 5, 6, 7], problems.Select(p => p.Line!.Value));
        Assert.All(problems, p => Assert.Contains("missing value", p.Message));
    }

    [Fact]
    public void More_than_ten_bad_cells_in_a_column_are_summarized_after_the_first_ten()
    {
        var rows = string.Concat(Enumerable.Range(0, 13).Select(i => $"{i},\n"));

        var problems = Problems("a,y\n" + rows);

        Assert.Equal(11, problems.Count);
        Assert.Equal("3 more cells like these in this column", problems[^1].Message);
    }

    [Fact]
    public void Problems_of_a_file_are_all_reported_at_once_in_line_order()
    {
        var problems = Problems("a,b,y\n1,x,2\n1,2\n,3,4\n");

        Assert.Equal([2, 3, 4], problems.Select(p => p.Line!.Value));
        Assert.Equal(["b", null, "a"], problems.Select(p => p.Column));
    }

    [Fact]
    public void An_empty_file_a_header_alone_and_an_unnamed_column_are_errors()
    {
        Assert.Contains("the file is empty", Assert.Single(Problems("")).Message);
        Assert.Equal("no data rows", Assert.Single(Problems("a,y\n")).Message);
        Assert.Contains("column 2 has no name", Assert.Single(Problems("a,,y\n1,2,3\n4,5,6\n")).Message);
    }

    [Fact]
    public void A_constant_feature_is_kept_with_a_warning_naming_it()
    {
        var data = LoadText("a,c,y\n1,5,1\n2,5,3\n4,5,2\n");

        Assert.Equal(2, data.Features);
        Assert.EndsWith(
            "column 'c': constant (every row is 5); it carries no information", Assert.Single(data.Warnings));
    }

    [Fact]
    public void Auto_mpg_reports_its_six_empty_cells_and_its_text_column()
    {
        var error = Assert.Throws<DataException>(() =>
            DatasetLoader.Load(new BenchmarkSource("auto_mpg"), SharedFolders.Datasets));

        Assert.Equal(
            [("car_name", 2), ("horsepower", 34), ("horsepower", 128), ("horsepower", 332), ("horsepower", 338),
                ("horsepower", 356), ("horsepower", 376)],
            error.Problems.Select(p => (p.Column!, p.Line!.Value)));
    }

    [Fact]
    public void Auto_mpg_loads_with_drop_missing_and_its_text_column_dropped()
    {
        var source = new BenchmarkSource("auto_mpg", DropMissing: true, DropColumns: ["car_name"]);

        var data = DatasetLoader.Load(source, SharedFolders.Datasets);

        Assert.Equal((392, 7, 6, "mpg"), (data.Rows, data.Features, data.DroppedRows, data.TargetName));
        Assert.Equal([8.0, 307, 130, 3504, 12, 70, 1], data.X[..7]);
    }

    [Fact]
    public void Load_all_gathers_the_problems_of_every_benchmark_and_of_their_splits()
    {
        var good = folder.Write("good.csv", "a,y\n1,2\n2,3\n3,1\n4,4\n5,5\n6,0\n7,2\n8,8\n9,1\n10,3\n");
        var sources = new[]
        {
            new BenchmarkSource("good", good),
            new BenchmarkSource("dup", SharedFolders.Case("duplicate_columns.csv")),
            new BenchmarkSource("one", SharedFolders.Case("one_row.csv")),
            new BenchmarkSource("no_such_set"),
        };

        var error = Assert.Throws<DataException>(() =>
            DatasetLoader.LoadAll(sources, SharedFolders.Datasets, null, new SplitFractions()));

        Assert.Equal(
            ["duplicate_columns.csv", "one_row.csv", "catalog.tsv"],
            error.Problems.Select(p => Path.GetFileName(p.File)));
        Assert.StartsWith("3 problems in the data:", error.Message);
    }
}
