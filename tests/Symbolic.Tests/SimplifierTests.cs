namespace Sweep.Symbolic.Tests;

public class SimplifierTests
{
    [Theory]
    [InlineData("((((x0 * 3) + 1) * 2) - 5)", "((x0 * 6) + (-3))")]
    [InlineData("(2 - ((x0 / 4) + 1))", "((x0 * (-0.25)) + 1)")]
    [InlineData("((sin(x0) - sin(x0)) + x1)", "x1")]
    [InlineData("((x0 * x1) / (x0 * x1))", "1")]
    [InlineData("((x0 * x1) + (x0 * x1))", "((x0 * x1) * 2)")]
    [InlineData("log(exp((x0 + x1)))", "(x0 + x1)")]
    [InlineData("(x0 * 6)", "(x0 * 6)")]
    [InlineData("(2 / (x0 + 1))", "(2 / (x0 + 1))")]
    public void Identities_and_affine_chains_collapse_to_the_expected_form(string text, string expected)
    {
        Assert.Equal(expected, Simplifier.Simplify(Programs.Parse(text)).ToString());
    }

    [Fact]
    public void Simplified_random_programs_are_never_larger_and_predict_the_same_where_finite()
    {
        var data = TestData.Make(50, 4, x => x[0], seed: 17, low: 0.5, high: 2);
        var rng = new Rng(5);
        var shrunk = 0;
        for (var k = 0; k < 2000; k++)
        {
            var e = Programs.Random(rng, features: 4);

            var simple = Simplifier.Simplify(e);

            Assert.True(simple.Size <= e.Size);
            shrunk += simple.Size < e.Size ? 1 : 0;
            var before = Programs.Predict(e, data);
            var after = Programs.Predict(simple, data);
            for (var r = 0; r < data.Rows; r++)
            {
                if (double.IsFinite(before[r]) && Math.Abs(before[r]) < 1e10)
                {
                    Assert.True(Math.Abs(before[r] - after[r]) <= 1e-9 * Math.Max(1, Math.Abs(before[r])),
                        $"{e} → {simple} at row {r}: {before[r]} vs {after[r]}");
                }
            }
        }

        Assert.True(shrunk > 200, $"only {shrunk} of 2000 programs shrank");
    }
}
