using System.Globalization;

namespace Sweep.Symbolic;

/// <summary>
/// Reads the infix text written by <see cref="ExpressionFormatter.ToInfix"/> (and hand-written
/// formulas in the same notation) back into a program.
/// </summary>
/// <remarks>
/// Grammar, loosest binding first: sums (+ −, left-associative), products (* /, left-associative),
/// unary minus, powers (^, right-associative), then atoms: numbers, feature names (bare, or in
/// backticks with `` for a backtick), function calls sin cos exp log sqrt square tanh abs pow(a, b),
/// and parentheses. A minus sign directly before a number (not raised to a power) is part of the
/// constant; before anything else, −x becomes (0 − x).
/// </remarks>
public static class ExpressionParser
{
    private static readonly string[] Functions = ["sin", "cos", "exp", "log", "sqrt", "square", "tanh", "abs", "pow"];

    /// <exception cref="FormatException">
    /// The text is not a formula; the message gives the position and the fault.
    /// </exception>
    public static Expression Parse(string infix, IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(infix);
        ArgumentNullException.ThrowIfNull(featureNames);
        var reader = new Reader(infix, featureNames);
        var nodes = new List<Node>();
        reader.Sum(nodes);
        reader.ExpectEnd();
        return new Expression([.. nodes]);
    }

    /// <summary>Whether a feature name can be written without backticks.</summary>
    public static bool IsPlainName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
        && !Functions.Contains(name);

    private sealed class Reader(string text, IReadOnlyList<string> names)
    {
        private int _pos;

        public void ExpectEnd()
        {
            SkipSpace();
            if (_pos < text.Length)
            {
                throw Error($"unexpected '{text[_pos]}'");
            }
        }

        public void Sum(List<Node> nodes)
        {
            Product(nodes);
            while (TryTake('+') || Peek('-'))
            {
                var op = text[_pos - 1] == '+' ? OpCode.Add : OpCode.Sub;
                if (op == OpCode.Sub)
                {
                    _pos++;
                }

                Product(nodes);
                nodes.Add(Node.Of(op));
            }
        }

        private void Product(List<Node> nodes)
        {
            Unary(nodes);
            while (TryTake('*') || TryTake('/'))
            {
                var op = text[_pos - 1] == '*' ? OpCode.Mul : OpCode.Div;
                Unary(nodes);
                nodes.Add(Node.Of(op));
            }
        }

        private void Unary(List<Node> nodes)
        {
            if (!TryTake('-'))
            {
                Power(nodes);
                return;
            }

            SkipSpace();
            var mark = _pos;
            if (_pos < text.Length && (char.IsAsciiDigit(text[_pos]) || text[_pos] == '.'))
            {
                var value = Number();
                if (!Peek('^'))
                {
                    nodes.Add(Node.Const(-value));
                    return;
                }

                _pos = mark;
            }

            nodes.Add(Node.Const(0.0));
            Unary(nodes);
            nodes.Add(Node.Of(OpCode.Sub));
        }

        private void Power(List<Node> nodes)
        {
            Atom(nodes);
            if (TryTake('^'))
            {
                Unary(nodes);
                nodes.Add(Node.Of(OpCode.Pow));
            }
        }

        private void Atom(List<Node> nodes)
        {
            SkipSpace();
            if (_pos >= text.Length)
            {
                throw Error("the formula ends where an operand was expected");
            }

            var c = text[_pos];
            if (c == '(')
            {
                _pos++;
                Sum(nodes);
                Expect(')');
            }
            else if (char.IsAsciiDigit(c) || c == '.')
            {
                nodes.Add(Node.Const(Number()));
            }
            else if (c == '`')
            {
                nodes.Add(Feature(QuotedName()));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                Identifier(nodes);
            }
            else
            {
                throw Error($"unexpected '{c}'");
            }
        }

        private void Identifier(List<Node> nodes)
        {
            var start = _pos;
            var word = Word();
            if (!Functions.Contains(word) || !Peek('('))
            {
                nodes.Add(Feature(word, start));
                return;
            }

            Expect('(');
            Sum(nodes);
            if (word == "pow")
            {
                Expect(',');
                Sum(nodes);
            }

            Expect(')');
            if (!OpCodes.TryParse(word, out var op))
            {
                throw Error($"unknown function '{word}'");
            }

            nodes.Add(Node.Of(op));
        }

        private Node Feature(string name, int? at = null)
        {
            for (var j = 0; j < names.Count; j++)
            {
                if (names[j] == name)
                {
                    return Node.Var(j);
                }
            }

            throw Error($"'{name}' is not a feature name (known: {string.Join(", ", names)})", at);
        }

        private string Word()
        {
            var start = _pos;
            while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] == '_'))
            {
                _pos++;
            }

            return text[start.._pos];
        }

        private string QuotedName()
        {
            var start = _pos++;
            var name = new System.Text.StringBuilder();
            while (_pos < text.Length)
            {
                if (text[_pos] == '`')
                {
                    if (_pos + 1 < text.Length && text[_pos + 1] == '`')
                    {
                        name.Append('`');
                        _pos += 2;
                        continue;
                    }

                    _pos++;
                    return name.ToString();
                }

                name.Append(text[_pos++]);
            }

            throw Error("a name opened with ` is never closed", start);
        }

        private double Number()
        {
            var start = _pos;
            while (_pos < text.Length && (char.IsAsciiDigit(text[_pos]) || text[_pos] == '.'))
            {
                _pos++;
            }

            if (_pos < text.Length && (text[_pos] == 'E' || text[_pos] == 'e'))
            {
                var mark = _pos++;
                if (_pos < text.Length && (text[_pos] == '+' || text[_pos] == '-'))
                {
                    _pos++;
                }

                if (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
                {
                    while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
                    {
                        _pos++;
                    }
                }
                else
                {
                    _pos = mark;
                }
            }

            var literal = text[start.._pos];
            if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw Error($"'{literal}' is not a number", start);
            }

            return value;
        }

        private void Expect(char c)
        {
            if (!TryTake(c))
            {
                throw Error(_pos < text.Length
                    ? $"expected '{c}' but found '{text[_pos]}'"
                    : $"expected '{c}' at the end");
            }
        }

        private bool TryTake(char c)
        {
            SkipSpace();
            if (_pos < text.Length && text[_pos] == c)
            {
                _pos++;
                return true;
            }

            return false;
        }

        private bool Peek(char c)
        {
            SkipSpace();
            return _pos < text.Length && text[_pos] == c;
        }

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        private FormatException Error(string what, int? at = null) =>
            new($"Cannot read the formula at character {(at ?? _pos) + 1}: {what}. Formula: {text}");
    }
}
