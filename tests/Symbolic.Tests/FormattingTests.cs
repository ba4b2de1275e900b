namespace Sweep.Symbolic.Tests;

public class FormattingTests
{
    private static readonly string[] Reserved = ["N", "E", "I", "S", "lambda", "pi"];

    [Fact]
    public void Infix_text_parenthesizes_operations_and_prints_round_trip_constants()
    {
        var e = Programs.Parse("sin(x0) * (x1 - -1.5) / 0.1 + 3");

        Assert.Equal("(((sin(x0) * (x1 - (-1.5))) / 0.1) + 3)", ExpressionFormatter.ToInfix(e, Programs.Names));
    }

    [Fact]
    public void Parsing_printed_text_rebuilds_every_random_program_node_for_node()
    {
        var rng = new Rng(77);
        var data = TestData.Make(64, 4, x => x[0], seed: 15);
        for (var k = 0; k < 1000; k++)
        {
            var e = Programs.Random(rng, features: 4);

            var back = ExpressionParser.Parse(ExpressionFormatter.ToInfix(e, Reserved[..4]), Reserved[..4]);

            Assert.Equal(e.ToArrays().Codes, back.ToArrays().Codes);
            Assert.Equal(e.ToArrays().Values, back.ToArrays().Values);
            Assert.Equal(Programs.Predict(e, data), Programs.Predict(back, data));
        }
    }

    [Theory]
    [InlineData("x0 + x1 * x2 ^ 2", "(x0 + (x1 * (x2 ^ 2)))")]
    [InlineData("-x0 ^ 2", "(0 - (x0 ^ 2))")]
    [InlineData("2 - -3 * x0", "(2 - ((-3) * x0))")]
    [InlineData("x0 ^ x1 ^ 2", "(x0 ^ (x1 ^ 2))")]
    [InlineData("pow(x0, 2) / 1e-3 - 4", "(((x0 ^ 2) / 0.001) - 4)")]
    [InlineData("  square ( x3 )+abs(x2)", "(square(x3) + abs(x2))")]
    public void Hand_written_formulas_follow_the_usual_precedence(string text, string expected)
    {
        Assert.Equal(expected, ExpressionFormatter.ToInfix(Programs.Parse(text), Programs.Names));
    }

    [Theory]
    [InlineData("x0 + * x1", "character 6")]
    [InlineData("(x0 + x1", "expected ')'")]
    [InlineData("y + 1", "'y' is not a feature name")]
    [InlineData("x0 x1", "unexpected 'x'")]
    [InlineData("`x0", "never closed")]
    public void Malformed_text_is_refused_with_the_position_and_the_reason(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => Programs.Parse(text));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Awkward_feature_names_are_escaped_and_read_back()
    {
        string[] names = ["sin", "a b", "x`y", "lambda"];
        var e = Programs.Parse("((x0 + x1) * (x2 - x3))");

        var text = ExpressionFormatter.ToInfix(e, names);
        var back = ExpressionParser.Parse(text, names);

        Assert.Equal("((`sin` + `a b`) * (`x``y` - lambda))", text);
        Assert.Equal(e.ToArrays().Codes, back.ToArrays().Codes);
        Assert.Equal(e.ToArrays().Values, back.ToArrays().Values);
    }

    [Fact]
    public void Sympy_text_names_every_feature_as_a_symbol()
    {
        var e = ExpressionParser.Parse("((N * E) + (sin(I) - (S / lambda))) + pi ^ square(pi)", Reserved);

        var text = ExpressionFormatter.ToSympy(e, Reserved);

        Assert.Equal(
            "(((Symbol('N') * Symbol('E')) + (sin(Symbol('I')) - (Symbol('S') / Symbol('lambda')))) + "
            + "((Symbol('pi'))**(((Symbol('pi'))**2))))",
            text);
    }

    [Fact]
    public void Latex_uses_fractions_functions_and_upright_long_names()
    {
        var e = ExpressionParser.Parse("(sin(x_1) / (lambda + 2.5)) * sqrt(N)", ["x_1", "lambda", "N"]);

        Assert.Equal(
            "\\frac{\\sin\\left(\\mathrm{x\\_1}\\right)}{\\left(\\mathrm{lambda} + 2.5\\right)} \\cdot \\sqrt{N}",
            ExpressionFormatter.ToLatex(e, ["x_1", "lambda", "N"]));
    }
}
