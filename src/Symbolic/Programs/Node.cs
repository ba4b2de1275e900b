namespace Sweep.Symbolic;

/// <summary>One instruction of a postfix program.</summary>
/// <param name="Op">The instruction.</param>
/// <param name="Value">The constant for <see cref="OpCode.Constant"/>, the feature number for
/// <see cref="OpCode.Variable"/>, zero otherwise.</param>
internal readonly record struct Node(OpCode Op, double Value)
{
    public static Node Const(double value) => new(OpCode.Constant, value);

    public static Node Var(int feature) => new(OpCode.Variable, feature);

    public static Node Of(OpCode op) => new(op, 0.0);

    public int Arity => OpCodes.Arity(Op);

    public int Feature => (int)Value;

    public bool IsLeaf => Op is OpCode.Constant or OpCode.Variable;
}
