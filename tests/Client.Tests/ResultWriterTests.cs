using Sweep.Experiment;

namespace Sweep.Client.Tests;

public sealed class ResultWriterTests
{
    private static readonly BenchmarkSummary[] Summary =
    [
        new("feynman[I.6.2]", 0.8123, 0.01, 0.85, 0.0464, 0.9, 0.91, Trials: 4, Failed: 1),
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
    public void On_a_terminal_brackets_in_names_and_folders_are_printed_not_read_as_styles()
    {
        using var writer = new StringWriter();

        ResultWriter.Print(TestConsoles.Terminal(writer), Summary, "/runs/[old]");

        Assert.Contains("feynman[I.6.2]", writer.ToString());
        Assert.Contains("/runs/[old]/summary.csv", writer.ToString());
    }
}
