namespace Sweep.Symbolic;

/// <summary>
/// The instruction set of a postfix program. The numeric values are part of the serialized form
/// (<see cref="Expression.ToArrays"/>), so they never change once assigned.
/// </summary>
/// <remarks>
/// Semantics, stated once for the whole engine (l = left operand, r = right operand, x = operand):
/// <list type="bullet">
/// <item><c>Constant</c>: the node's value. <c>Variable</c>: feature number <c>(int)value</c>.</item>
/// <item><c>Add</c> l + r, <c>Sub</c> l − r, <c>Mul</c> l·r.</item>
/// <item><c>Div</c> l / r as IEEE division: a zero denominator yields ±∞ or NaN, which the engine
/// treats as a failed evaluation (worst fitness). No protected or analytic quotient is used, so
/// a printed formula means exactly what it says.</item>
/// <item><c>Pow</c> l^r as <see cref="Math.Pow"/>; a negative base with a non-integer exponent gives
/// NaN and so a failed evaluation.</item>
/// <item><c>Sin</c>, <c>Cos</c>, <c>Exp</c>, <c>Tanh</c>, <c>Abs</c> as in <see cref="Math"/>.</item>
/// <item><c>Log</c> natural logarithm and <c>Sqrt</c> square root, undefined (failed evaluation)
/// for x ≤ 0 and x &lt; 0 respectively.</item>
/// <item><c>Square</c> x·x (computed as a product, never through <see cref="Math.Pow"/>).</item>
/// </list>
/// A non-finite value anywhere in an evaluation fails the whole candidate: NaN always reaches the
/// output, and the operators that can turn an infinity back into a finite number (division,
/// power, exp, tanh) check their operands.
/// </remarks>
public enum OpCode
{
    Constant = 0,
    Variable = 1,
    Add = 2,
    Sub = 3,
    Mul = 4,
    Div = 5,
    Pow = 6,
    Sin = 7,
    Cos = 8,
    Exp = 9,
    Log = 10,
    Sqrt = 11,
    Square = 12,
    Tanh = 13,
    Abs = 14,
}
