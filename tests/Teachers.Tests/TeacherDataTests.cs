namespace Sweep.Teachers.Tests;

public sealed class TeacherDataTests
{
    private static readonly TeacherData Valid = new(
        XTrain: [1, 2, 3, 4, 5, 6], YTrain: [1, 2, 3],
        XValidation: [1, 2], YValidation: [1],
        XTest: [1, 2], YTest: [1],
        Features: 2);

    [Fact]
    public void Consistent_finite_data_has_no_problems()
    {
        Assert.Empty(Valid.Validate());
        Assert.Equal(3, Valid.TrainRows);
    }

    [Fact]
    public void A_shape_mismatch_names_the_set_and_both_counts()
    {
        var problem = Assert.Single((Valid with { XTest = [1, 2, 3] }).Validate());

        Assert.Contains("test inputs hold 3 values, but 1 rows of 2 features need 2", problem);
    }

    [Fact]
    public void A_non_finite_value_names_its_row_and_feature()
    {
        var problem = Assert.Single((Valid with { XTrain = [1, 2, 3, double.NaN, 5, 6] }).Validate());

        Assert.Contains("train input at row 1, feature 1 is NaN", problem);
    }

    [Fact]
    public void Query_inputs_must_be_whole_finite_rows()
    {
        Assert.Contains("3 values, not a whole number of rows of 2 features",
            Assert.Single((Valid with { XQuery = [1, 2, 3] }).Validate()));
        Assert.Contains("query input at row 1, feature 0 is -Infinity",
            Assert.Single((Valid with { XQuery = [1, 2, double.NegativeInfinity, 0] }).Validate()));
    }

    [Fact]
    public void A_value_beyond_the_float32_range_is_refused_because_training_runs_in_float32()
    {
        var problem = Assert.Single((Valid with { XValidation = [1, 1e39] }).Validate());

        Assert.Contains("validation input at row 0, feature 1 is 1E+39", problem);
        Assert.Contains("float32", problem);
    }

    [Fact]
    public void A_non_finite_target_and_too_few_rows_are_both_reported()
    {
        var problems = (Valid with { XTrain = [1, 2], YTrain = [double.PositiveInfinity] }).Validate();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("train target at row 0 is Infinity", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("at least 2 rows, got 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Held_out_targets_need_only_be_finite_because_they_are_scored_in_double_precision()
    {
        var farTargets = Valid with { YValidation = [3e307], YTest = [-1e300] };

        Assert.Empty(farTargets.Validate());
        Assert.Contains("validation target at row 0 is NaN; validation and test targets must be finite",
            Assert.Single((Valid with { YValidation = [double.NaN] }).Validate()));
        Assert.Contains("train target at row 2 is 1E+39; every value must be finite and within the float32 range",
            Assert.Single((Valid with { YTrain = [1, 2, 1e39] }).Validate()));
    }
}
