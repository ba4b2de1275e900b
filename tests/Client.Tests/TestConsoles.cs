using Spectre.Console;

namespace Sweep.Client.Tests;

/// <summary>Consoles that write into a string, as a terminal or a redirected output would see it.</summary>
internal static class TestConsoles
{
    /// <summary>A console that behaves as an interactive ANSI terminal (live displays, colours).</summary>
    public static IAnsiConsole Terminal(StringWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.TrueColor,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 160;
        return console;
    }

    public const char Escape = '\u001b';
}
