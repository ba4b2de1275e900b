using Sweep.Experiment;

namespace Sweep.Client.Tests;

public sealed class ResultWriterTests
{
    private static readonly BenchmarkSummary[] Summary =
    [
        new("feynman[I.6.2]", 0.8123, 0.01, 0.85, 0.0464, 0.9, 0.91, Trials: 4, Failed: 1),
    ];

    private static readonly BenchmarkSummary[] WideSummary =
    [
        new("airfoil_self_noise", 0.6593, 0.001, 0.7012, 0.0636, 0.9345, 0.9281, Trials: 8, Failed: 0),
        new("feynman[I.6.2]", 0.8123, 0.01, 0.85, 0.0464, 0.9, 0.91, Trials: 4, Failed: 1),
    ];

    private static readonly string[] WideSummaryCells =
    [
        "benchmark", "baseline", "best λ", "best", "relative", "teacher λ=0", "teacher best", "failed",
        "airfoil_self_noise", "0.6593", "0.001", "0.7012", "+6.4 %", "0.9345", "0.9281", "0/8",
        "feynman[I.6.2]", "0.8123", "0.01", "0.8500", "+4.6 %", "0.9000", "0.9100", "1/4",
    ];

    [Fact]
    public void A_redirected_summary_table_is_plain_text_with_names_as_written()
    {
        using var writer = new StringWriter();

        ResultWriter.Print(Terminal.Plain(writer), Summary, "/runs/x");

        var text = writer.ToString();
        Assert.DoesNotContain(TestConsoles.Escape, text);
        Assert.Contains("feynman[I.6.2]", text);
        Assert.Contains("+4.6 %", text);
        Assert.Contains("1/4", text);
        Assert.Contains("Wrote /runs/x/trials.csv and /runs/x/summary.csv", text);
    }

    [Fact]
    public void A_score_of_a_million_or_more_in_size_prints_in_four_significant_digits()
    {
        using var writer = new StringWriter();
        BenchmarkSummary[] summary =
            [new("overflow_row", -double.MaxValue, 0, -double.MaxValue, 0, -2.5e7, 0.91, Trials: 1, Failed: 0)];

        ResultWriter.Print(Terminal.Plain(writer), summary, "/runs/x");

        var text = writer.ToString();
        Assert.Contains("-1.798E+308", text);
        Assert.Contains("-2.5E+07", text);
        Assert.Contains("0.9100", text);
        Assert.All(text.Split('\n'), line => Assert.True(line.Length < 200, line));
    }

    [Fact]
    public void On_a_terminal_brackets_in_names_and_folders_are_printed_not_read_as_styles()
    {
        using var writer = new StringWriter();

        ResultWriter.Print(TestConsoles.Terminal(writer), Summary, "/runs/[old]");

        Assert.Contains("feynman[I.6.2]", writer.ToString());
        Assert.Contains("/runs/[old]/summary.csv", writer.ToString());
    }

    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    public void Redirected_output_gets_the_table_at_its_natural_width_whatever_the_width(int width)
    {
        using var narrowWriter = new StringWriter();
        using var wideWriter = new StringWriter();
        var narrow = Terminal.Plain(narrowWriter);
        var wide = Terminal.Plain(wideWriter);
        narrow.Profile.Width = width;
        wide.Profile.Width = 200;

        ResultWriter.Print(narrow, WideSummary, LongFolder);
        ResultWriter.Print(wide, WideSummary, LongFolder);

        var text = narrowWriter.ToString();
        Assert.True(TableWidth(wideWriter.ToString()) > width, "the table must not fit the narrow console");
        foreach (var cell in WideSummaryCells)
            Assert.Contains($" {cell} ", text);
        Assert.DoesNotContain("…", text);
        Assert.Contains(Wrote, text);
        Assert.Equal(wideWriter.ToString(), text);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    public void A_terminal_narrower_than_the_table_gets_a_block_per_benchmark_with_whole_values(int width)
    {
        using var writer = new StringWriter();
        var console = TestConsoles.Terminal(writer);
        console.Profile.Width = width;

        ResultWriter.Print(console, WideSummary, LongFolder);

        var lines = writer.ToString().Split('\n').Select(line => line.TrimEnd()).ToArray();
        Assert.DoesNotContain(lines, line => line.Contains('│'));
        Assert.All(lines.Where(line => !line.StartsWith("Wrote", StringComparison.Ordinal)),
            line => Assert.True(line.Length <= width, line));
        Assert.Contains("airfoil_self_noise", lines);
        Assert.Contains("  baseline      0.6593", lines);
        Assert.Contains("  relative      +6.4 %", lines);
        Assert.Contains("  teacher best  0.9100", lines);
        Assert.Contains("  failed        1/4", lines);
        Assert.Contains(Wrote, writer.ToString());
    }

    [Fact]
    public void A_terminal_wide_enough_gets_the_table()
    {
        using var writer = new StringWriter();
        var console = TestConsoles.Terminal(writer);
        console.Profile.Width = 200;

        ResultWriter.Print(console, WideSummary, "/runs/x");

        foreach (var cell in WideSummaryCells)
            Assert.Contains($" {cell} ", writer.ToString());
        Assert.Contains('│', writer.ToString());
    }

    private const string LongFolder = "/runs/a-folder-whose-path-is-longer-than-the-terminal-is-wide";

    private const string Wrote = "Wrote " + LongFolder + "/trials.csv and " + LongFolder + "/summary.csv";

    private static int TableWidth(string text) =>
        text.Split('\n').Where(line => line.Contains('│')).Max(line => line.TrimEnd().Length);
}
