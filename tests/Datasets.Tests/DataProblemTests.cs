namespace Sweep.Datasets.Tests;

public class DataProblemTests
{
    [Fact]
    public void A_problem_formats_as_file_line_column_and_message_leaving_out_absent_parts()
    {
        Assert.Equal("d.csv:19: column 'v': empty", new DataProblem("d.csv", "v", 19, "empty").ToString());
        Assert.Equal("d.csv: column 'y': constant", new DataProblem("d.csv", "y", null, "constant").ToString());
        Assert.Equal("d.csv:3: bad row", new DataProblem("d.csv", null, 3, "bad row").ToString());
        Assert.Equal("d.csv: empty", new DataProblem("d.csv", null, null, "empty").ToString());
    }

    [Fact]
    public void An_exception_with_several_problems_lists_each_on_its_own_line()
    {
        var error = new DataException([new DataProblem("a", null, 1, "x"), new DataProblem("b", "c", null, "y")]);

        Assert.Equal(
            $"2 problems in the data:{Environment.NewLine}  a:1: x{Environment.NewLine}  b: column 'c': y",
            error.Message);
    }

    [Fact]
    public void A_data_set_refuses_shapes_that_disagree_and_non_finite_values()
    {
        Assert.Throws<ArgumentException>(() => new Dataset("d", "d.csv", ["a", "b"], "y", [1, 2, 3], [1, 2]));
        Assert.Throws<ArgumentException>(() => new Dataset("d", "d.csv", ["a"], "y", [1, double.NaN], [1, 2]));
    }
}
