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
    [InlineData(false, 60)]
    [InlineData(false, 80)]
    [InlineData(true, 60)]
    [InlineData(true, 80)]
    public void A_console_narrower_than_the_summary_table_gets_it_at_its_natural_width(bool terminal, int width)
    {
        using var narrowWriter = new StringWriter();
        using var wideWriter = new StringWriter();
        var narrow = terminal ? TestConsoles.Terminal(narrowWriter) : Terminal.Plain(narrowWriter);
        var wide = terminal ? TestConsoles.Terminal(wideWriter) : Terminal.Plain(wideWriter);
        narrow.Profile.Width = width;
        wide.Profile.Width = 200;

        ResultWriter.Print(narrow, WideSummary, "/runs/a-folder-whose-path-is-longer-than-the-terminal-is-wide");
        ResultWriter.Print(wide, WideSummary, "/runs/a-folder-whose-path-is-longer-than-the-terminal-is-wide");

        var text = narrowWriter.ToString();
        Assert.True(TableWidth(wideWriter.ToString()) > width, "the table must not fit the narrow console");
        foreach (var cell in WideSummaryCells)
            Assert.Contains($" {cell} ", text);
        Assert.DoesNotContain("…", text);
        Assert.Contains(
            "Wrote /runs/a-folder-whose-path-is-longer-than-the-terminal-is-wide/trials.csv and "
            + "/runs/a-folder-whose-path-is-longer-than-the-terminal-is-wide/summary.csv", text);
        Assert.Equal(wideWriter.ToString(), text);
    }

    private static int TableWidth(string text) =>
        text.Split('\n').Where(line => line.Contains('│')).Max(line => line.TrimEnd().Length);
}
