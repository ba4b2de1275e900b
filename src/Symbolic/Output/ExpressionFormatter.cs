using System.Globalization;
using System.Text;

namespace Sweep.Symbolic;

/// <summary>
/// Prints programs in the caller's feature names: as the project's infix text (read back exactly
/// by <see cref="ExpressionParser"/>), as LaTeX for reports, and as a string that SymPy's
/// <c>sympify</c> parses with every feature kept as a symbol.
/// </summary>
/// <remarks>
/// Infix text parenthesizes every binary operation and writes constants in round-trip ("R")
/// form, negative ones in parentheses, so parsing it rebuilds the identical program. A feature
/// name that is not a plain identifier, or that equals a function name, is written in backticks
/// (a backtick inside doubled). In SymPy text every feature is written as <c>Symbol('name')</c>, so
/// names such as N, E, I, S, lambda or pi can never be read as SymPy's constants or functions.
/// </remarks>
public static class ExpressionFormatter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The project's infix text.</summary>
    public static string ToInfix(Expression e, IReadOnlyList<string> featureNames) =>
        Print(e, featureNames, Infix);

    /// <summary>LaTeX math (without surrounding dollars); constants shown with 6 significant digits.</summary>
    public static string ToLatex(Expression e, IReadOnlyList<string> featureNames) =>
        Print(e, featureNames, Latex);

    /// <summary>Text for SymPy's <c>sympify</c>, with features as <c>Symbol('name')</c>.</summary>
    public static string ToSympy(Expression e, IReadOnlyList<string> featureNames) =>
        Print(e, featureNames, Sympy);

    /// <summary>A feature name as written in infix text: bare if it is a plain identifier, else in backticks.</summary>
    public static string InfixName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ExpressionParser.IsPlainName(name)
            ? name
            : "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
    }

    private delegate string Rule(Node node, string[] operands, IReadOnlyList<string> names);

    private static string Print(Expression e, IReadOnlyList<string> featureNames, Rule rule)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (e.MaxFeature >= featureNames.Count)
        {
            throw new ArgumentException(
                $"The expression uses feature {e.MaxFeature} but only {featureNames.Count} names were given.");
        }

        var stack = new List<string>(e.Size);
        foreach (var node in e.Nodes)
        {
            var arity = node.Arity;
            var operands = stack.GetRange(stack.Count - arity, arity).ToArray();
            stack.RemoveRange(stack.Count - arity, arity);
            stack.Add(rule(node, operands, featureNames));
        }

        return stack[0];
    }

    private static string Infix(Node node, string[] x, IReadOnlyList<string> names) => node.Op switch
    {
        OpCode.Constant => Number(node.Value),
        OpCode.Variable => InfixName(names[node.Feature]),
        OpCode.Add or OpCode.Sub or OpCode.Mul or OpCode.Div => $"({x[0]} {OpCodes.Name(node.Op)} {x[1]})",
        OpCode.Pow => $"({x[0]} ^ {x[1]})",
        _ => $"{OpCodes.Name(node.Op)}({x[0]})",
    };

    private static string Sympy(Node node, string[] x, IReadOnlyList<string> names) => node.Op switch
    {
        OpCode.Constant => Number(node.Value),
        OpCode.Variable => $"Symbol('{PythonEscape(names[node.Feature])}')",
        OpCode.Add or OpCode.Sub or OpCode.Mul or OpCode.Div => $"({x[0]} {OpCodes.Name(node.Op)} {x[1]})",
        OpCode.Pow => $"(({x[0]})**({x[1]}))",
        OpCode.Square => $"(({x[0]})**2)",
        OpCode.Abs => $"Abs({x[0]})",
        _ => $"{OpCodes.Name(node.Op)}({x[0]})",
    };

    private static string Latex(Node node, string[] x, IReadOnlyList<string> names) => node.Op switch
    {
        OpCode.Constant => LatexNumber(node.Value),
        OpCode.Variable => LatexName(names[node.Feature]),
        OpCode.Add => $"\\left({x[0]} + {x[1]}\\right)",
        OpCode.Sub => $"\\left({x[0]} - {x[1]}\\right)",
        OpCode.Mul => $"{x[0]} \\cdot {x[1]}",
        OpCode.Div => $"\\frac{{{x[0]}}}{{{x[1]}}}",
        OpCode.Pow => $"\\left({x[0]}\\right)^{{{x[1]}}}",
        OpCode.Square => $"\\left({x[0]}\\right)^{{2}}",
        OpCode.Sqrt => $"\\sqrt{{{x[0]}}}",
        OpCode.Abs => $"\\left|{x[0]}\\right|",
        _ => $"\\{OpCodes.Name(node.Op)}\\left({x[0]}\\right)",
    };

    private static string Number(double value)
    {
        var text = value.ToString("R", Invariant);
        return value < 0 || double.IsNegative(value) ? $"({text})" : text;
    }

    private static string LatexNumber(double value)
    {
        var text = value.ToString("G6", Invariant);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            var exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, Invariant);
            text = $"{text[..e]} \\times 10^{{{exponent}}}";
        }

        return value < 0 ? $"\\left({text}\\right)" : text;
    }

    private static string LatexName(string name)
    {
        if (name.Length == 1 && char.IsAsciiLetter(name[0]))
        {
            return name;
        }

        var escaped = new StringBuilder();
        foreach (var c in name)
        {
            escaped.Append(c switch
            {
                '_' or '#' or '$' or '%' or '&' or '{' or '}' => "\\" + c,
                '\\' => "\\backslash{}",
                '^' => "\\hat{}",
                '~' => "\\sim{}",
                _ => c.ToString(),
            });
        }

        return $"\\mathrm{{{escaped}}}";
    }

    private static string PythonEscape(string name) =>
        name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
}
