using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Sweep.Experiment;

/// <summary>
/// The sweep's output tables: <c>trials.csv</c> (one row per trial) and <c>summary.csv</c> (one row per
/// benchmark). Numbers are written in the invariant culture in their shortest round-trip form; a missing
/// value is an empty field.
/// </summary>
public static class ResultTables
{
    /// <summary>Columns of <c>trials.csv</c>, in order; the first fourteen are the documented contract.</summary>
    public static readonly IReadOnlyList<string> TrialColumns =
    [
        "benchmark", "lambda", "seed", "status", "teacher_r2_train", "teacher_r2_test", "student_r2_validation",
        "student_r2_test", "fidelity_r2_test", "student_size", "expression", "teacher_seconds", "student_seconds",
        "error", "teacher_r2_validation", "teacher_gradient_norm_test", "expression_sympy", "attempts",
        "student_nonfinite_rows",
    ];

    /// <summary>Columns of <c>summary.csv</c>, in order; the first seven are the documented contract.</summary>
    public static readonly IReadOnlyList<string> SummaryColumns =
    [
        "benchmark", "baseline_student_r2_test", "best_lambda", "best_student_r2_test", "relative_improvement",
        "baseline_teacher_r2_test", "best_teacher_r2_test", "trials", "failed",
    ];

    /// <summary>
    /// One summary row per benchmark, in order of first appearance. Only succeeded trials with finite scores
    /// enter the means. The baseline is the mean over seeds at λ = 0; the best λ is the one with the highest
    /// mean student R² on validation (ties go to the smaller λ), λ = 0 included, so a benchmark where the
    /// penalty does not help reports an improvement of 0 rather than a forced loss.
    /// </summary>
    public static IReadOnlyList<BenchmarkSummary> Summarize(IEnumerable<TrialRecord> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        return trials
            .GroupBy(t => t.Benchmark, StringComparer.Ordinal)
            .Select(SummarizeBenchmark)
            .ToList();
    }

    /// <summary>Writes <c>trials.csv</c> to <paramref name="path"/>, replacing it atomically.</summary>
    public static void WriteTrials(string path, IEnumerable<TrialRecord> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        WriteTable(path, TrialColumns, trials.Select(TrialFields));
    }

    /// <summary>Writes <c>summary.csv</c> to <paramref name="path"/>, replacing it atomically.</summary>
    public static void WriteSummary(string path, IEnumerable<BenchmarkSummary> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        WriteTable(path, SummaryColumns, rows.Select(SummaryFields));
    }

    /// <summary>Reads a <c>trials.csv</c> written by <see cref="WriteTrials"/>.</summary>
    public static IReadOnlyList<TrialRecord> ReadTrials(string path)
    {
        return ReadTable(path, TrialColumns, field => new TrialRecord(
            Benchmark: field("benchmark") ?? string.Empty,
            Lambda: Number(field("lambda")) ?? double.NaN,
            Seed: Integer(field("seed")) ?? 0,
            Status: field("status") ?? string.Empty,
            TeacherR2Train: Number(field("teacher_r2_train")),
            TeacherR2Validation: Number(field("teacher_r2_validation")),
            TeacherR2Test: Number(field("teacher_r2_test")),
            TeacherGradientNormTest: Number(field("teacher_gradient_norm_test")),
            StudentR2Validation: Number(field("student_r2_validation")),
            StudentR2Test: Number(field("student_r2_test")),
            FidelityR2Test: Number(field("fidelity_r2_test")),
            StudentSize: Integer(field("student_size")),
            Expression: field("expression"),
            ExpressionSympy: field("expression_sympy"),
            TeacherSeconds: Number(field("teacher_seconds")),
            StudentSeconds: Number(field("student_seconds")),
            Attempts: Integer(field("attempts")) ?? 0,
            Error: field("error"),
            StudentNonFiniteRows: Integer(field("student_nonfinite_rows"))));
    }

    /// <summary>Reads a <c>summary.csv</c> written by <see cref="WriteSummary"/>.</summary>
    public static IReadOnlyList<BenchmarkSummary> ReadSummary(string path)
    {
        return ReadTable(path, SummaryColumns, field => new BenchmarkSummary(
            Benchmark: field("benchmark") ?? string.Empty,
            BaselineStudentR2Test: Number(field("baseline_student_r2_test")),
            BestLambda: Number(field("best_lambda")),
            BestStudentR2Test: Number(field("best_student_r2_test")),
            RelativeImprovement: Number(field("relative_improvement")),
            BaselineTeacherR2Test: Number(field("baseline_teacher_r2_test")),
            BestTeacherR2Test: Number(field("best_teacher_r2_test")),
            Trials: Integer(field("trials")) ?? 0,
            Failed: Integer(field("failed")) ?? 0));
    }

    private static BenchmarkSummary SummarizeBenchmark(IGrouping<string, TrialRecord> trials)
    {
        var perLambda = trials
            .Where(t => t.Status == TrialStatus.Succeeded)
            .GroupBy(t => t.Lambda)
            .Select(g => (
                Lambda: g.Key,
                Validation: Mean(g.Select(t => t.StudentR2Validation)),
                Test: Mean(g.Select(t => t.StudentR2Test)),
                Teacher: Mean(g.Select(t => t.TeacherR2Test))))
            .ToList();

        var baseline = perLambda.Where(p => p.Lambda == 0).Select(p => ((double?, double?)?)(p.Test, p.Teacher))
            .FirstOrDefault();
        var best = perLambda
            .Where(p => p.Validation is not null)
            .OrderByDescending(p => p.Validation)
            .ThenBy(p => p.Lambda)
            .Select(p => ((double, double?, double?)?)(p.Lambda, p.Test, p.Teacher))
            .FirstOrDefault();

        var baselineStudent = baseline?.Item1;
        var bestStudent = best?.Item2;
        double? improvement = baselineStudent is { } b && bestStudent is { } s && b != 0
            ? (s - b) / Math.Abs(b)
            : null;

        return new BenchmarkSummary(
            trials.Key,
            baselineStudent,
            best?.Item1,
            bestStudent,
            improvement,
            baseline?.Item2,
            best?.Item3,
            trials.Count(),
            trials.Count(t => t.Status == TrialStatus.Failed));
    }

    /// <summary>
    /// Mean of the finite values, summed as v / n so that R² values near −double.MaxValue (see
    /// <c>Metrics.R2</c>) cannot overflow the sum.
    /// </summary>
    private static double? Mean(IEnumerable<double?> values)
    {
        var finite = values.Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).ToList();
        return finite.Count == 0 ? null : finite.Sum(v => v / finite.Count);
    }

    private static string?[] TrialFields(TrialRecord t) =>
    [
        t.Benchmark, Format(t.Lambda), Format(t.Seed), t.Status, Format(t.TeacherR2Train), Format(t.TeacherR2Test),
        Format(t.StudentR2Validation), Format(t.StudentR2Test), Format(t.FidelityR2Test), Format(t.StudentSize),
        t.Expression, Format(t.TeacherSeconds), Format(t.StudentSeconds), t.Error, Format(t.TeacherR2Validation),
        Format(t.TeacherGradientNormTest), t.ExpressionSympy, Format(t.Attempts), Format(t.StudentNonFiniteRows),
    ];

    private static string?[] SummaryFields(BenchmarkSummary s) =>
    [
        s.Benchmark, Format(s.BaselineStudentR2Test), Format(s.BestLambda), Format(s.BestStudentR2Test),
        Format(s.RelativeImprovement), Format(s.BaselineTeacherR2Test), Format(s.BestTeacherR2Test),
        Format(s.Trials), Format(s.Failed),
    ];

    private static string? Format(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static string? Format(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static double? Number(string? field) =>
        string.IsNullOrEmpty(field) ? null : double.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static int? Integer(string? field) =>
        string.IsNullOrEmpty(field) ? null : int.Parse(field, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static void WriteTable(string path, IReadOnlyList<string> columns, IEnumerable<string?[]> rows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }))
        {
            foreach (var column in columns)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var field in row)
                {
                    csv.WriteField(field ?? string.Empty);
                }

                csv.NextRecord();
            }
        }

        File.Move(temporary, full, overwrite: true);
    }

    private static List<T> ReadTable<T>(string path, IReadOnlyList<string> columns, Func<Func<string, string?>, T> row)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        if (!csv.Read() || csv.Record is not { } header)
        {
            throw new InvalidDataException($"{path}: the table is empty.");
        }

        var index = header.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var lacking = columns.Where(c => !index.ContainsKey(c)).ToList();
        if (lacking.Count > 0)
        {
            throw new InvalidDataException($"{path}: the header lacks {string.Join(", ", lacking)}.");
        }

        var result = new List<T>();
        while (csv.Read() && csv.Record is { } fields)
        {
            result.Add(row(column => fields[index[column]] is { Length: > 0 } text ? text : null));
        }

        return result;
    }
}
