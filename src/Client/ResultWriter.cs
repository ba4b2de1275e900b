using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using Sweep.Experiment;
using Sweep.Grains;

namespace Sweep.Client;

/// <summary>Writes <c>trials.csv</c> and <c>summary.csv</c> and prints the summary table.</summary>
public static class ResultWriter
{
    /// <summary>File name of the trial table in an output folder.</summary>
    public const string TrialsFile = "trials.csv";

    /// <summary>File name of the summary table in an output folder.</summary>
    public const string SummaryFile = "summary.csv";

    /// <summary>
    /// File of an output folder that names the sweep its tables belong to (one line), so that the
    /// tables of one sweep are not replaced by another's by mistake (see <see cref="OutputFolder.Owners"/>).
    /// </summary>
    public const string SweepFile = ".sweep-name";

    /// <summary>
    /// Writes the tables of the sweep named <paramref name="sweep"/> into <paramref name="folder"/>,
    /// with the file that names it; returns the summary.
    /// </summary>
    public static IReadOnlyList<BenchmarkSummary> Write(IReadOnlyList<TrialResult> results, string folder, string sweep)
    {
        Directory.CreateDirectory(folder);
        var records = results.Select(ToRecord).ToArray();
        var summary = ResultTables.Summarize(records);
        File.WriteAllText(Path.Combine(folder, SweepFile), sweep + "\n");
        ResultTables.WriteTrials(Path.Combine(folder, TrialsFile), records);
        ResultTables.WriteSummary(Path.Combine(folder, SummaryFile), summary);
        return summary;
    }

    /// <summary>
    /// Prints the summary. Redirected output (a file, a pipe, a CI log) and a terminal wide enough get the
    /// table at its natural width (see <see cref="NaturalWidth"/>), so that no number or name is folded or
    /// cut. A terminal narrower than the table would wrap its lines at the edge and split the numbers
    /// there, so it gets one block per benchmark instead, a setting per line. Every cell is escaped, as
    /// benchmark names may hold brackets.
    /// </summary>
    public static void Print(IAnsiConsole console, IReadOnlyList<BenchmarkSummary> summary, string folder)
    {
        var table = new Table().Title(Markup.Escape(Title));
        foreach (var column in Columns)
            table.AddColumn(new TableColumn(Markup.Escape(column)).NoWrap());
        foreach (var row in summary)
            table.AddRow(Cells(row).Select(Markup.Escape).ToArray());

        var terminal = console.Profile.Capabilities.Ansi || console.Profile.Capabilities.Interactive;
        var natural = ((IRenderable)table).Measure(RenderOptions.Create(console), 100_000).Max;
        if (terminal && natural > console.Profile.Width)
            PrintBlocks(console, summary);
        else
            console.Write(new NaturalWidth(table));

        var wrote = $"Wrote {Path.Combine(folder, TrialsFile)} and {Path.Combine(folder, SummaryFile)}";
        console.Write(new NaturalWidth(new Text(wrote)));
        console.WriteLine();
    }

    private const string Title = "Student R² on test: baseline (λ = 0) against the λ chosen on validation";

    private static readonly string[] Columns =
        ["benchmark", "baseline", "best λ", "best", "relative", "teacher λ=0", "teacher best", "failed"];

    /// <summary>The summary as one block per benchmark: its name, then each column's value on a line.</summary>
    private static void PrintBlocks(IAnsiConsole console, IReadOnlyList<BenchmarkSummary> summary)
    {
        console.WriteLine(Title);
        var width = Columns.Skip(1).Max(c => c.Length);
        foreach (var row in summary)
        {
            var cells = Cells(row).ToArray();
            console.WriteLine();
            console.WriteLine(cells[0]);
            for (var k = 1; k < cells.Length; k++)
                console.WriteLine($"  {Columns[k].PadRight(width)}  {cells[k]}");
        }

        console.WriteLine();
    }

    public static TrialRecord ToRecord(TrialResult r) => new(
        r.Benchmark, r.Lambda, r.Seed, StatusName(r.Stage),
        r.Teacher?.R2Train, r.Teacher?.R2Validation, r.Teacher?.R2Test, r.Teacher?.MeanSquaredInputGradientTest,
        r.Student?.R2Validation, r.Student?.R2Test, r.Student?.FidelityR2Test, r.Student?.Size,
        r.Student?.Expression, r.Student?.ExpressionSympy, r.Teacher?.Seconds, r.Student?.Seconds,
        r.Attempts, r.Error, r.Student?.NonFiniteRows);

    private static IEnumerable<string> Cells(BenchmarkSummary row) =>
    [
        row.Benchmark, Format(row.BaselineStudentR2Test), Format(row.BestLambda, "G4"),
        Format(row.BestStudentR2Test), Percent(row.RelativeImprovement), Format(row.BaselineTeacherR2Test),
        Format(row.BestTeacherR2Test), $"{row.Failed}/{row.Trials}",
    ];

    private static string StatusName(TrialStage stage) => stage switch
    {
        TrialStage.Done => "done",
        TrialStage.Failed => "failed",
        TrialStage.Teacher => "teacher",
        TrialStage.Student => "student",
        _ => "pending",
    };

    /// <summary>
    /// A score with four decimals; one of a million or more in size (an R² of −1.8e308 for a formula that
    /// misses by orders of magnitude) in four significant digits, so it stays one short cell.
    /// </summary>
    private static string Format(double? value, string format = "F4") => value switch
    {
        null => "-",
        { } v when Math.Abs(v) >= 1e6 => v.ToString("G4", CultureInfo.InvariantCulture),
        { } v => v.ToString(format, CultureInfo.InvariantCulture),
    };

    private static string Percent(double? value) =>
        value is { } v ? (v * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %" : "-";
}
