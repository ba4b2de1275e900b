namespace Sweep.Symbolic;

/// <summary>Arity and names of the instructions in <see cref="OpCode"/>.</summary>
public static class OpCodes
{
    /// <summary>The highest defined op code; codes run densely from 0 to this value.</summary>
    public const int Last = (int)OpCode.Abs;

    private static readonly string[] Names =
        ["const", "var", "+", "-", "*", "/", "pow", "sin", "cos", "exp", "log", "sqrt", "square", "tanh", "abs"];

    /// <summary>Number of operands: 0 for leaves, 1 for functions, 2 for arithmetic and pow.</summary>
    public static int Arity(OpCode op) => op switch
    {
        OpCode.Constant or OpCode.Variable => 0,
        OpCode.Add or OpCode.Sub or OpCode.Mul or OpCode.Div or OpCode.Pow => 2,
        _ => 1,
    };

    /// <summary>The name used in <see cref="SymbolicOptions.Operators"/> and in printed formulas.</summary>
    public static string Name(OpCode op) => Names[(int)op];

    /// <summary>Whether <paramref name="code"/> is a defined op code.</summary>
    public static bool IsDefined(int code) => code >= 0 && code <= Last;

    /// <summary>
    /// Resolves an operator name as accepted in <see cref="SymbolicOptions.Operators"/>
    /// ("+", "-", "*", "/", "pow" or "^", "sin", "cos", "exp", "log", "sqrt", "square", "tanh", "abs").
    /// </summary>
    public static bool TryParse(string name, out OpCode op)
    {
        op = OpCode.Constant;
        if (name == "^")
        {
            op = OpCode.Pow;
            return true;
        }

        for (var code = (int)OpCode.Add; code <= Last; code++)
        {
            if (Names[code] == name)
            {
                op = (OpCode)code;
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the operator can map an infinite operand to a finite result.</summary>
    internal static bool CanHideInfinity(OpCode op) =>
        op is OpCode.Div or OpCode.Pow or OpCode.Exp or OpCode.Tanh;
}
