using System.Globalization;

namespace Sweep.Experiment.Tests.Results;

public sealed class ResultTablesTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"sweep-results-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static TrialRecord Trial(
        string benchmark,
        double lambda,
        int seed,
        double? validation,
        double? test,
        double? teacherTest = null,
        string status = TrialStatus.Succeeded) =>
        new(benchmark, lambda, seed, status, 0.95, 0.9, teacherTest, 0.5, validation, test, 0.97, 11,
            "x0 + 1", "x0 + 1", 1.5, 2.5, 1, status == TrialStatus.Failed ? "boom" : null);

    [Fact]
    public void The_summary_takes_the_baseline_at_lambda_zero_and_the_best_lambda_by_validation()
    {
        var trials = new[]
        {
            Trial("a", 0, 1, validation: 0.4, test: 0.5, teacherTest: 0.90),
            Trial("a", 0, 2, validation: 0.6, test: 0.7, teacherTest: 0.92),
            Trial("a", 0.01, 1, validation: 0.8, test: 0.9, teacherTest: 0.89),
            Trial("a", 0.01, 2, validation: 0.6, test: 0.7, teacherTest: 0.87),
            Trial("a", 0.1, 1, validation: 0.65, test: 0.99, teacherTest: 0.5),
            Trial("a", 0.1, 2, validation: null, test: null, status: TrialStatus.Failed),
        };

        var summary = Assert.Single(ResultTables.Summarize(trials));

        Assert.Equal("a", summary.Benchmark);
        Assert.Equal(0.6, summary.BaselineStudentR2Test!.Value, 12);
        Assert.Equal(0.01, summary.BestLambda);
        Assert.Equal(0.8, summary.BestStudentR2Test!.Value, 12);
        Assert.Equal((0.8 - 0.6) / 0.6, summary.RelativeImprovement!.Value, 12);
        Assert.Equal(0.91, summary.BaselineTeacherR2Test!.Value, 12);
        Assert.Equal(0.88, summary.BestTeacherR2Test!.Value, 12);
        Assert.Equal((6, 1), (summary.Trials, summary.Failed));
    }

    [Fact]
    public void Means_over_seeds_of_the_most_negative_finite_r2_stay_finite()
    {
        var trials = new[]
        {
            Trial("a", 0, 1, validation: double.MinValue, test: double.MinValue),
            Trial("a", 0, 2, validation: double.MinValue, test: double.MinValue),
        };

        var summary = Assert.Single(ResultTables.Summarize(trials));

        Assert.Equal(double.MinValue, summary.BaselineStudentR2Test);
        Assert.Equal(double.MinValue, summary.BestStudentR2Test);
    }

    [Fact]
    public void The_best_lambda_is_never_chosen_by_test_scores()
    {
        var trials = new[]
        {
            Trial("a", 0, 1, validation: 0.5, test: 0.5),
            Trial("a", 1, 1, validation: 0.7, test: 0.1),
            Trial("a", 2, 1, validation: 0.6, test: 0.99),
        };

        var summary = Assert.Single(ResultTables.Summarize(trials));

        Assert.Equal(1, summary.BestLambda);
        Assert.Equal(0.1, summary.BestStudentR2Test);
        Assert.Equal((0.1 - 0.5) / 0.5, summary.RelativeImprovement!.Value, 12);
    }

    [Fact]
    public void A_negative_baseline_divides_by_its_absolute_value()
    {
        var trials = new[] { Trial("a", 0, 1, 0.1, -0.5), Trial("a", 0.5, 1, 0.3, 0.25) };

        var summary = Assert.Single(ResultTables.Summarize(trials));

        Assert.Equal((0.25 - -0.5) / 0.5, summary.RelativeImprovement!.Value, 12);
    }

    [Fact]
    public void Lambda_zero_counts_as_a_candidate_so_an_unhelpful_penalty_shows_no_improvement()
    {
        var trials = new[] { Trial("a", 0, 1, 0.9, 0.8), Trial("a", 0.1, 1, 0.5, 0.95) };

        var summary = Assert.Single(ResultTables.Summarize(trials));

        Assert.Equal(0, summary.BestLambda);
        Assert.Equal(0, summary.RelativeImprovement);
    }

    [Fact]
    public void Equal_validation_scores_choose_the_smaller_lambda()
    {
        var trials = new[] { Trial("a", 0.1, 1, 0.7, 0.6), Trial("a", 0.01, 1, 0.7, 0.5), Trial("a", 0, 1, 0.2, 0.4) };

        Assert.Equal(0.01, Assert.Single(ResultTables.Summarize(trials)).BestLambda);
    }

    [Fact]
    public void Without_succeeded_trials_at_lambda_zero_there_is_no_baseline_and_no_improvement()
    {
        var trials = new[]
        {
            Trial("a", 0, 1, null, null, status: TrialStatus.Failed),
            Trial("a", 0.1, 1, 0.5, 0.6),
            Trial("b", 0, 1, null, null, status: "running"),
        };

        var summaries = ResultTables.Summarize(trials);

        Assert.Equal(["a", "b"], summaries.Select(s => s.Benchmark));
        Assert.Equal((null, 0.1, 0.6, null), (summaries[0].BaselineStudentR2Test, summaries[0].BestLambda,
            summaries[0].BestStudentR2Test, summaries[0].RelativeImprovement));
        Assert.Equal((2, 1), (summaries[0].Trials, summaries[0].Failed));
        Assert.Equal((1, 0, null), (summaries[1].Trials, summaries[1].Failed, summaries[1].BestLambda));
    }

    [Fact]
    public void Non_finite_scores_are_left_out_of_the_means()
    {
        var trials = new[]
        {
            Trial("a", 0, 1, 0.5, 0.4),
            Trial("a", 0, 2, 0.5, double.NaN),
            Trial("a", 0, 3, double.NegativeInfinity, 0.6),
        };

        Assert.Equal(0.5, Assert.Single(ResultTables.Summarize(trials)).BaselineStudentR2Test!.Value, 12);
    }

    [Fact]
    public void The_trials_table_starts_with_the_documented_columns_and_reads_back_exactly()
    {
        var path = Path.Combine(folder, "out", "trials.csv");
        var trials = new[]
        {
            new TrialRecord("a", 0.1 + 0.2, 7, TrialStatus.Succeeded, 1e-300, 0.5, 1 / 3.0, 12.5, -2.75, 0.875,
                0.999, 13, "sin(x, \"y\") + 1", "sin(x) + 1", 0.125, 3, 2, null),
            new TrialRecord("b", 0, 1, TrialStatus.Failed, null, null, null, null, null, null, null, null, null,
                null, null, null, 3, "line one\nline two, with comma"),
        };

        ResultTables.WriteTrials(path, trials);

        var header = File.ReadLines(path).First();
        Assert.StartsWith(
            "benchmark,lambda,seed,status,teacher_r2_train,teacher_r2_test,student_r2_validation,student_r2_test,"
            + "fidelity_r2_test,student_size,expression,teacher_seconds,student_seconds,error",
            header);
        Assert.Equal(trials, ResultTables.ReadTrials(path));
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void The_summary_table_starts_with_the_documented_columns_and_reads_back_exactly()
    {
        var path = Path.Combine(folder, "summary.csv");
        var rows = new[]
        {
            new BenchmarkSummary("airfoil_self_noise", 0.61, 0.01, 0.7, (0.7 - 0.61) / 0.61, 0.9, 0.89, 8, 0),
            new BenchmarkSummary("b", null, null, null, null, null, null, 2, 2),
        };

        ResultTables.WriteSummary(path, rows);

        Assert.StartsWith(
            "benchmark,baseline_student_r2_test,best_lambda,best_student_r2_test,relative_improvement,"
            + "baseline_teacher_r2_test,best_teacher_r2_test",
            File.ReadLines(path).First());
        Assert.Equal("b,,,,,,,2,2", File.ReadLines(path).Last());
        Assert.Equal(rows, ResultTables.ReadSummary(path));
    }

    [Fact]
    public void Only_trials_marked_done_enter_the_means()
    {
        var trials = new[]
        {
            Trial("a", 0, 1, 0.5, 0.4, status: "done"),
            Trial("a", 0, 2, 0.9, 0.9, status: "student"),
            Trial("a", 0, 3, 0.9, 0.9, status: "pending"),
        };

        var summary = Assert.Single(ResultTables.Summarize(trials));

        Assert.Equal((0.4, 3, 0), (summary.BaselineStudentR2Test, summary.Trials, summary.Failed));
    }

    [Fact]
    public void Numbers_are_written_in_the_invariant_culture_whatever_the_current_culture()
    {
        var path = Path.Combine(folder, "summary.csv");
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            ResultTables.WriteSummary(path, [new BenchmarkSummary("a", 0.5, 1e-3, 0.25, -0.5, 1.5, 2.5, 1, 0)]);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        Assert.Equal("a,0.5,0.001,0.25,-0.5,1.5,2.5,1,0", File.ReadLines(path).Last());
    }

    [Fact]
    public void Writing_again_replaces_the_previous_table()
    {
        var path = Path.Combine(folder, "trials.csv");
        ResultTables.WriteTrials(path, [Trial("a", 0, 1, 0.5, 0.5), Trial("a", 0, 2, 0.5, 0.5)]);

        ResultTables.WriteTrials(path, [Trial("b", 0, 1, 0.5, 0.5)]);

        Assert.Equal(["b"], ResultTables.ReadTrials(path).Select(t => t.Benchmark));
    }
}
