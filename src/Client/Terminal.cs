using Spectre.Console;

namespace Sweep.Client;

/// <summary>
/// The console the command draws on: live and coloured on a terminal, plain text without any
/// ANSI escape codes when the output goes to a file, a pipe or a CI log.
/// </summary>
public static class Terminal
{
    /// <summary>
    /// Columns a redirected console gets instead of Spectre's 80, so lines of text are not wrapped early;
    /// tables print at their natural width whatever the width (see <see cref="NaturalWidth"/>).
    /// </summary>
    public const int RedirectedWidth = 132;

    /// <summary>The console for standard output, plain when standard output is redirected.</summary>
    public static IAnsiConsole ForStandardOutput() =>
        Console.IsOutputRedirected ? Plain(Console.Out) : Live(Console.Out);

    /// <summary>A console that writes text only: no colours, no cursor movement, no live display.</summary>
    public static IAnsiConsole Plain(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = RedirectedWidth;
        return console;
    }

    private static IAnsiConsole Live(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Detect,
        Out = new AnsiConsoleOutput(writer),
    });
}
