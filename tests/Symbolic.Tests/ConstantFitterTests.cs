namespace Sweep.Symbolic.Tests;

public class ConstantFitterTests
{
    [Fact]
    public void Levenberg_Marquardt_recovers_the_constants_of_a_nonlinear_formula()
    {
        var data = TestData.Make(300, 1, x => (2.5 * Math.Sin(1.7 * x[0])) + 0.3, seed: 4);
        var start = Programs.Parse("sin((1.5 * x0))");
        var error = Fitness.Score(start.Nodes, data, Workspace.Current);

        var fit = ConstantFitter.Fit(start.Nodes, error, data, maxIterations: 30, Workspace.Current);

        Assert.True(fit.Error < 1e-12 * data.TargetVariance, $"error {fit.Error}");
        Assert.Equal(1.7, Math.Abs(fit.Nodes[0].Value), 9);
        Assert.True(fit.Evaluations > 0);
    }

    [Fact]
    public void A_fit_never_returns_a_worse_program_than_it_was_given()
    {
        var data = TestData.Make(200, 3, x => Math.Exp(x[0]) * Math.Cos(x[1] * x[2]), seed: 6);
        var rng = new Rng(21);
        var improved = 0;
        var candidates = 0;
        for (var k = 0; k < 300; k++)
        {
            var e = Programs.Random(rng, features: 3, maxSize: 20);
            var error = Fitness.Score(e.Nodes, data, Workspace.Current);

            var fit = ConstantFitter.Fit(e.Nodes, error, data, maxIterations: 10, Workspace.Current);

            var bothFailed = double.IsPositiveInfinity(error) && double.IsPositiveInfinity(fit.Error);
            Assert.True(fit.Error <= error || bothFailed,
                $"{e}: {error} became {fit.Error}");
            Assert.Equal(fit.Error, Fitness.Score(fit.Nodes, data, Workspace.Current));
            improved += fit.Error < error ? 1 : 0;
            candidates += e.ConstantCount > 0 && double.IsFinite(error) ? 1 : 0;
        }

        Assert.True(improved >= candidates / 4, $"only {improved} of {candidates} programs with constants improved");
    }
}
