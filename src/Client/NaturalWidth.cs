using Spectre.Console;
using Spectre.Console.Rendering;

namespace Sweep.Client;

/// <summary>
/// Renders a table or text at its natural width even where the console is narrower, so that no
/// cell is wrapped or cut.
/// </summary>
/// <remarks>
/// Spectre.Console fits a renderable into the console's width by folding cells and cutting
/// headers with an ellipsis: on 80 columns R² 0.6593 reads as "0.65" with "93" on the next line.
/// A reader can take the first part for the value, and a log kept in a file is copied and
/// compared as it is. A line wider than the console is left for the terminal to wrap whole, which
/// splits the box drawing but never a number, a name or a path. Where the console is wide
/// enough nothing changes.
/// </remarks>
internal sealed class NaturalWidth(IRenderable inner) : IRenderable
{
    /// <summary>Width to measure at: wider than any table or line Sweep prints.</summary>
    private const int Unbounded = 100_000;

    /// <inheritdoc />
    public Measurement Measure(RenderOptions options, int maxWidth) => inner.Measure(options, Unbounded);

    /// <inheritdoc />
    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var width = Math.Max(maxWidth, inner.Measure(options, Unbounded).Max);
        if (width == maxWidth)
            return inner.Render(options, maxWidth);

        var wider = options with { ConsoleSize = new Size(width, options.ConsoleSize.Height) };
        return inner.Render(wider, width);
    }
}
