namespace Sweep.Symbolic.Tests;

/// <summary>Builds test programs from infix text or at random.</summary>
internal static class Programs
{
    public static readonly string[] Names = ["x0", "x1", "x2", "x3"];

    public static Expression Parse(string infix) => ExpressionParser.Parse(infix, Names);

    /// <summary>An options record whose search space holds every operator.</summary>
    public static SymbolicOptions AllOperators(int maxSize = 30, int maxDepth = 12) => new()
    {
        MaxSize = maxSize,
        MaxDepth = maxDepth,
        Operators = ["+", "-", "*", "/", "pow", "sin", "cos", "exp", "log", "sqrt", "square", "tanh", "abs"],
    };

    /// <summary>A random program over <paramref name="features"/> features using every operator.</summary>
    internal static Expression Random(Rng rng, int features, int maxSize = 30)
    {
        var space = new SearchSpace(AllOperators(maxSize), features);
        return new Expression(TreeBuilder.Random(space, rng, maxSize));
    }

    /// <summary>Evaluates into a new array.</summary>
    public static double[] Predict(Expression e, ProblemData data)
    {
        var output = new double[data.Rows];
        Evaluator.Evaluate(e, data, output);
        return output;
    }
}
