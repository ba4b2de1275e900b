using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;
using YamlDotNet.RepresentationModel;

namespace Sweep.Experiment;

/// <summary>
/// Reads a spec's text as YAML. Every way the parser can refuse the text becomes one
/// <see cref="SpecException"/> at the line and column where the fault is, so no caller sees a
/// parser exception: YamlDotNet reports some faults without a position (a tab used as indentation)
/// and others as an <see cref="InvalidOperationException"/> (text that ends inside "[a, b").
/// </summary>
public static partial class SpecYaml
{
    /// <summary>The root node of the spec's single YAML document.</summary>
    /// <exception cref="SpecException">The text is not YAML, is empty, or holds more than one document.</exception>
    public static YamlNode Read(string yaml, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        var scanner = new FlowTrackingScanner(new Scanner(new StringReader(yaml)));
        var stream = new YamlStream();
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException error)
        {
            throw new SpecException([Located(error, scanner, yaml, fileName)]);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16.3 fails this way, without a position, when the text ends inside an open
            // flow list or mapping; the bracket that is never closed is where the fault is.
            throw new SpecException([Unclosed(scanner, fileName)]);
        }

        if (stream.Documents.Count == 0 || SpecReader.IsNull(stream.Documents[0].RootNode))
        {
            throw new SpecException([new SpecProblem(
                fileName, 1, 1, $"the spec is empty; it needs at least {string.Join(", ", SpecLoader.RequiredKeys)}")]);
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            throw new SpecException([new SpecProblem(
                fileName, (int)second.Start.Line, (int)second.Start.Column, "a spec is a single YAML document")]);
        }

        return stream.Documents[0].RootNode;
    }

    private static SpecProblem Located(YamlException error, FlowTrackingScanner scanner, string yaml, string fileName)
    {
        var message = LocationPrefix().Replace(error.Message, string.Empty);
        if (error.InnerException is { } inner)
        {
            message += ": " + LocationPrefix().Replace(inner.Message, string.Empty);
        }

        // An exception thrown without marks carries Mark.Empty (line 1, column 1, index 0) whatever
        // the text; the scanner then stands where it gave up.
        var marked = error.Start.Index != 0 || error.End.Index != 0;
        var from = marked ? error.Start : Mark.Empty;
        var to = marked ? error.End : scanner.CurrentPosition;

        // A fault about a tab is the tab itself, which YamlDotNet places at the start of the token
        // before it, at the end of its range, or nowhere.
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase)
            && FirstTab(yaml, (int)from.Index, (int)Math.Max(to.Index, scanner.CurrentPosition.Index)) is { } tab)
        {
            return new SpecProblem(fileName, tab.Line, tab.Column, $"not valid YAML: {message}");
        }

        // A fault found only at the end of the text inside an open '[' or '{' is that bracket's.
        if (scanner.InnermostOpen is { } open && yaml[(int)Math.Min(from.Index, yaml.Length)..].Trim().Length == 0)
        {
            return new SpecProblem(fileName, (int)open.Mark.Line, (int)open.Mark.Column,
                $"not valid YAML: this '{open.Bracket}' is never closed ({message})");
        }

        var position = marked ? error.Start : scanner.CurrentPosition;
        return new SpecProblem(fileName, (int)position.Line, (int)position.Column, $"not valid YAML: {message}");
    }

    /// <summary>The 1-based line and column of the first tab in <paramref name="yaml"/>[from..to].</summary>
    private static (int Line, int Column)? FirstTab(string yaml, int from, int to)
    {
        var end = Math.Min(to, yaml.Length - 1);
        var index = from <= end ? yaml.IndexOf('\t', from, end - from + 1) : -1;
        if (index < 0)
        {
            return null;
        }

        var lineStart = index == 0 ? 0 : yaml.LastIndexOf('\n', index - 1) + 1;

        var line = 1 + yaml.AsSpan(0, lineStart).Count('\n');
        return (line, index - lineStart + 1);
    }

    private static SpecProblem Unclosed(FlowTrackingScanner scanner, string fileName)
    {
        if (scanner.InnermostOpen is { } open)
        {
            return new SpecProblem(fileName, (int)open.Mark.Line, (int)open.Mark.Column,
                $"not valid YAML: this '{open.Bracket}' is never closed (a '{Closing(open.Bracket)}' is missing)");
        }

        var end = scanner.CurrentPosition;
        return new SpecProblem(fileName, (int)end.Line, (int)end.Column,
            "not valid YAML: the text ends before a '[' or '{' is closed");
    }

    private static char Closing(char bracket) => bracket == '[' ? ']' : '}';

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex LocationPrefix();

    /// <summary>A scanner that remembers where each flow list or mapping still open was opened.</summary>
    private sealed class FlowTrackingScanner(Scanner inner) : IScanner
    {
        private readonly Stack<(char Bracket, Mark Mark)> _open = new();

        public (char Bracket, Mark Mark)? InnermostOpen => _open.Count > 0 ? _open.Peek() : null;

        public Mark CurrentPosition => inner.CurrentPosition;

        public Token? Current => inner.Current;

        public bool MoveNext() => Track(inner.MoveNext());

        public bool MoveNextWithoutConsuming() => Track(inner.MoveNextWithoutConsuming());

        public void ConsumeCurrent() => inner.ConsumeCurrent();

        private bool Track(bool moved)
        {
            switch (inner.Current)
            {
                case FlowSequenceStart start:
                    _open.Push(('[', start.Start));
                    break;
                case FlowMappingStart start:
                    _open.Push(('{', start.Start));
                    break;
                case FlowSequenceEnd or FlowMappingEnd when _open.Count > 0:
                    _open.Pop();
                    break;
            }

            return moved;
        }
    }
}
